package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.space.Discrete;

/**
 * The choices of a task, for the wrappers that impose a trial's {@code ground_truth}: their number
 * is the number of choice actions (action channel {@code choice}, else every action outside channel
 * {@code fixation}); their values are found by building a few trials and relating each trial's
 * {@code ground_truth} to the choice action its ground truth asks for. Tasks number their choices
 * from 0 or from 1; both are found this way.
 *
 * <p>Probing replaces the task's current trial: reset the wrapped env before stepping it.
 */
final class Choices {
    private static final int MAX_PROBES = 100;
    private static final int AGREEING = 5;

    /** The number of choices. */
    final int n;
    private final int first;

    private Choices(int n, int first) {
        this.n = n;
        this.first = first;
    }

    /** The {@code ground_truth} value of choice {@code j} (0-based). */
    int value(int j) {
        return first + j;
    }

    /**
     * The choices of the task under {@code env}; under an env schedule, every scheduled task is
     * probed and all must agree.
     */
    static Choices probe(String wrapper, Env env) {
        Choices found = null;
        String foundIn = null;
        for (TrialBased source : Tasks.sources(env)) {
            String task = source.task().name();
            Choices c = probe(wrapper, env, source, task);
            if (found != null && (found.n != c.n || found.first != c.first)) {
                throw new NeuroGymException(wrapper + " needs the scheduled tasks to share their choices, but " + foundIn
                        + " has " + found + " and " + task + " has " + c);
            }
            found = c;
            foundIn = task;
        }
        return found;
    }

    private static Choices probe(String wrapper, Env env, TrialBased below, String task) {
        if (!(env.actionSpace() instanceof Discrete d)) {
            throw new NeuroGymException(wrapper + " needs a task with discrete choices, but " + task
                    + " has actions " + env.actionSpace());
        }
        int[] actions = choiceActions(d);
        if (actions.length == 0) {
            throw new NeuroGymException(wrapper + " needs choice actions, but every action of " + task + " is a fixation action");
        }
        Integer offset = null;
        int agreeing = 0;
        for (int k = 0; k < MAX_PROBES && agreeing < AGREEING; k++) {
            Trial trial = below.newTrial(Map.of());
            Object g = trial.get("ground_truth");
            if (!(g instanceof Integer || g instanceof Long || g instanceof Short || g instanceof Byte)) {
                throw new NeuroGymException(wrapper + " needs a task whose trials name their answer by an integer 'ground_truth', but "
                        + task + " drew " + (g == null ? "no ground_truth" : "ground_truth " + g));
            }
            int[] gt = below.trialGroundTruth();
            if (gt == null) throw new NeuroGymException(wrapper + " needs a ground truth, but " + task + " defines none");
            int idx = -1;
            for (int t = 0; t < below.trialLength() && idx < 0; t++) idx = indexOf(actions, gt[t]);
            if (idx < 0) continue;
            int o = ((Number) g).intValue() - idx;
            if (offset == null) offset = o;
            else if (offset != o) {
                throw new NeuroGymException(wrapper + " needs a task whose 'ground_truth' numbers its choice actions in order, but in "
                        + task + " the choice asked for does not follow from ground_truth that way");
            }
            agreeing++;
        }
        if (offset == null) {
            throw new NeuroGymException(wrapper + ": " + task + " never asked for a choice action in " + MAX_PROBES + " trials");
        }
        return new Choices(actions.length, offset);
    }

    private static int[] choiceActions(Discrete d) {
        if (d.channels().containsKey("choice")) return d.channel("choice");
        int[] fixation = d.channels().getOrDefault("fixation", new int[0]);
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < d.n(); a++) if (indexOf(fixation, a) < 0) out.add(a);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) if (values[i] == v) return i;
        return -1;
    }

    @Override
    public String toString() {
        return n + " choices numbered from " + first;
    }
}
