package org.neurogym.tasks.contrib;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Memory recall: a sequence of random binary patterns streams in; a storage signal marks the
 * ones to remember. In the recall phase degraded versions of the marked patterns are shown, in
 * random order, and the agent must output each complete pattern.
 */
public final class MemoryRecall extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("MemoryRecall-v0")
            .family("contrib")
            .tags("working memory", "continuous action space", "supervised")
            .description("A trial of T steps (T uniform in t_min..t_max): in the store phase a random pattern of stim_dim "
                    + "elements (+-1 when balanced, else 0/1) is shown each step, and the storage signal marks "
                    + "int(p_recall * T) of them; in the recall phase the marked patterns return in random order, "
                    + "degraded (balanced: elements hidden with probability 2 * (1 - chance); else flipped with "
                    + "probability 1 - chance), and the agent outputs each full pattern. The reward of a recall step "
                    + "is minus the mean absolute error; performance is 1 minus the mean error over the recall steps.")
            .params(ParamSpec.dt(1),
                    ParamSpec.integer("stim_dim", 10, "Pattern size.").min(1),
                    ParamSpec.integer("store_signal_dim", 1, "Size of the storage signal (only 1 is supported).").oneOf(1),
                    ParamSpec.integer("t_min", 15, "Shortest sequence, in steps.").min(1),
                    ParamSpec.integer("t_max", 25, "Longest sequence, in steps."),
                    ParamSpec.string("t_distribution", "uniform", "Distribution of the sequence length (only 'uniform').").oneOf("uniform"),
                    ParamSpec.number("p_recall", 0.1, "Share of the sequence recalled (at most 0.5).").range(0, 0.5),
                    ParamSpec.number("chance", 0.7, "Chance-level accuracy of the degraded recall cues.").range(0, 1),
                    ParamSpec.bool("balanced", true, "Patterns of +-1 with hidden elements (true) or 0/1 with flips (false)."))
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> {
                MemoryRecall m = (MemoryRecall) t;
                return (m.tMin + m.tMax) / 2.0;
            }))
            .build(MemoryRecall::new);

    private final int stimDim;
    private final int tMin;
    private final int tMax;
    private final double pRecall;
    private final boolean balanced;
    private final double pDegrade;
    private int storeSteps;
    private int recallSteps;
    private double errorSum;

    public MemoryRecall(Params p) {
        super(p);
        stimDim = p.getInt("stim_dim");
        tMin = p.getInt("t_min");
        tMax = p.getInt("t_max");
        if (tMax < tMin) throw new ParameterException("t_max", "t_max (" + tMax + ") must be >= t_min (" + tMin + ")");
        pRecall = p.getDouble("p_recall");
        double chance = p.getDouble("chance");
        balanced = p.getBoolean("balanced");
        pDegrade = balanced ? (1 - chance) * 2 : 1 - chance;
        defineTiming(p);
        defineSpaces(Box.unbounded(stimDim + 1, Channel.range("stimulus", 0, stimDim), Channel.of("store_signal", stimDim)),
                Box.unbounded(stimDim, Channel.range("recall", 0, stimDim)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int t = trial.setDefault("t", rng.integer(tMin, tMax + 1));
        if (t < 1) throw new org.neurogym.api.NeuroGymException(name() + ": t must be >= 1, got " + t);
        recallSteps = (int) (pRecall * t);
        storeSteps = t - recallSteps;
        addPeriodAtStep("store", 0, storeSteps);
        addPeriodAtStep("recall", storeSteps, recallSteps);

        int w = observationSize();
        float[] ob = ob();
        for (int s = 0; s < storeSteps; s++) {
            for (int i = 0; i < stimDim; i++) {
                boolean on = rng.uniform() > 0.5;
                ob[s * w + i] = balanced ? (on ? 1f : -1f) : (on ? 1f : 0f);
            }
        }
        // which stored steps are marked, in the order they are recalled (distinct, random order)
        int[] steps = new int[storeSteps];
        for (int i = 0; i < storeSteps; i++) steps[i] = i;
        for (int i = 0; i < recallSteps; i++) {
            int j = i + rng.integer(storeSteps - i);
            int tmp = steps[i];
            steps[i] = steps[j];
            steps[j] = tmp;
        }
        float[] gt = groundTruthVectors();
        for (int k = 0; k < recallSteps; k++) {
            int src = steps[k];
            int row = storeSteps + k;
            ob[src * w + stimDim] = 1f;
            for (int i = 0; i < stimDim; i++) {
                float x = ob[src * w + i];
                gt[row * stimDim + i] = x;
                double u = rng.uniform();
                float shown;
                if (balanced) shown = u > pDegrade ? x : 0f;
                else shown = u < pDegrade ? 1f - x : x;
                ob[row * w + i] = shown;
            }
        }
        errorSum = 0;
        if (recallSteps == 0) performance = 1;
    }

    @Override
    protected void onStep(float[] a, StepResult out) {
        if (!inPeriod("recall")) return;
        float[] gt = groundTruthVectors();
        int row = stepIndex() * stimDim;
        double err = 0;
        for (int i = 0; i < stimDim; i++) err += Math.abs(gt[row + i] - a[i]);
        err /= stimDim;
        out.addReward(-err);
        errorSum += err;
        performance = Math.max(0, 1 - errorSum / recallSteps);
    }
}
