package org.neurogym.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neurogym.api.Env;
import org.neurogym.api.TrialBased;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * A fixed-seed fingerprint of a task (observation shape, mean of each observation element,
 * ground-truth counts, trial lengths over N trials), compared with a checked-in golden file so
 * that any change to what a task generates is noticed.
 */
public final class TaskSummary {
    private TaskSummary() {}

    public static String of(TaskDescriptor task, Map<String, ?> params, long seed, int trials) {
        try (Env env = task.create(params, ClasspathMaker.ofContext())) {
            // the outermost trial-based env: a task that is itself a wrapper stack (a scheduled collection) is
            // summarised through its wrappers, as its users see it
            TrialBased t = org.neurogym.api.TrialBased.nearest(env);
            if (t == null) throw new IllegalArgumentException(task.id() + " is not trial-based: it has no trials to summarise");
            env.reset(seed);
            int obSize = ((org.neurogym.api.space.Box) env.observationSpace()).size();
            double[] sums = new double[obSize];
            long steps = 0;
            Map<Integer, Integer> gtCounts = new TreeMap<>();
            double[] gtVectorSums = null;
            for (int i = 0; i < trials; i++) {
                if (i > 0) t.newTrial(Map.of());
                int len = t.trialLength();
                float[] ob = t.trialObservations();
                for (int s = 0; s < len; s++) {
                    for (int c = 0; c < obSize; c++) sums[c] += ob[s * obSize + c];
                }
                int[] gt = t.trialGroundTruth();
                if (gt != null) for (int s = 0; s < len; s++) gtCounts.merge(gt[s], 1, Integer::sum);
                float[] gv = t.trialGroundTruthVector();
                if (gv != null) {
                    int n = ((org.neurogym.api.space.Box) env.actionSpace()).size();
                    if (gtVectorSums == null) gtVectorSums = new double[n];
                    for (int s = 0; s < len; s++) for (int k = 0; k < n; k++) gtVectorSums[k] += gv[s * n + k];
                }
                steps += len;
            }
            StringBuilder sb = new StringBuilder();
            sb.append("task ").append(task.id()).append('\n');
            sb.append("seed ").append(seed).append(", trials ").append(trials).append('\n');
            sb.append("observation ").append(env.observationSpace()).append('\n');
            sb.append("action ").append(env.actionSpace()).append('\n');
            sb.append("steps ").append(steps).append(String.format(Locale.ROOT, " (mean trial length %.4f)%n", (double) steps / trials));
            for (int c = 0; c < obSize; c++) sb.append(String.format(Locale.ROOT, "ob[%d] mean %.5f%n", c, sums[c] / steps));
            if (!gtCounts.isEmpty()) sb.append("ground truth counts ").append(gtCounts).append('\n');
            if (gtVectorSums != null) {
                for (int k = 0; k < gtVectorSums.length; k++) {
                    sb.append(String.format(Locale.ROOT, "ground truth[%d] mean %.5f%n", k, gtVectorSums[k] / steps));
                }
            }
            return sb.toString();
        }
    }
}
