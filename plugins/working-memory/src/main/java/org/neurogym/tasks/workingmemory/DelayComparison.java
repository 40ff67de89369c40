package org.neurogym.tasks.workingmemory;

import java.util.Arrays;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Parametric working memory: two scalar stimuli are shown one after the other with a delay in
 * between, and the agent reports which of the two was stronger.
 */
public final class DelayComparison extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DelayComparison-v0")
            .family("working-memory")
            .tags("perceptual", "working memory", "two-alternative", "supervised")
            .description("Two noisy scalar stimuli, drawn as a pair of strengths, are presented on one input "
                    + "channel and separated by a delay; once the fixation input goes off the agent answers "
                    + "choice 1 if the first stimulus was stronger and choice 2 if the second was.")
            .paper("Neuronal Population Coding of Parametric Working Memory",
                    "https://www.jneurosci.org/content/30/28/9424")
            .params(ParamSpec.dt(100),
                    ParamSpec.matrix("vpairs", new double[][] {{18, 10}, {22, 14}, {26, 18}, {30, 22}, {34, 26}},
                            "Stimulus strength pairs (stronger, weaker); one is drawn per trial and its order set by the ground truth.").nonEmpty(),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise, per sqrt(ms).").min(0))
            .build(DelayComparison::new);

    private final double[][] vpairs;
    private final double sigma;
    private final double vmin;
    private final double vmax;

    public DelayComparison(Params p) {
        super(p);
        vpairs = p.getMatrix("vpairs");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vpairs.length; i++) {
            if (vpairs[i].length != 2) {
                throw new ParameterException("vpairs", "vpairs[" + i + "] must hold two strengths, got " + vpairs[i].length);
            }
            for (double v : vpairs[i]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            throw new ParameterException("vpairs", "vpairs must hold at least two different strengths (they are scaled by their range)");
        }
        vmin = lo;
        vmax = hi;
        sigma = p.getDouble("sigma") / Math.sqrt(dt);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "stimulus1", 500, "delay", 1000, "stimulus2", 500, "decision", 100);
        defineSpaces(
                Box.unbounded(2, Channel.of("fixation", 0), Channel.of("stimulus", 1)),
                new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)));
        defineChoices(1, "choice");
    }

    /** The input encoding of strength {@code v}: the range of vpairs mapped onto [0.5, 1]. */
    double represent(double v) {
        double scaled = (v - vmin) / (vmax - vmin);
        return (1 + scaled) / 2;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", 1 + rng.integer(2), 1, 2);
        double[] vpair = trial.setDefaultNumbers("vpair", vpairs[rng.integer(vpairs.length)].clone());
        if (vpair.length != 2) throw new NeuroGymException("trial fact 'vpair' must be a pair of strengths, got " + Arrays.toString(vpair));
        double v1 = vpair[0];
        double v2 = vpair[1];
        if (groundTruth == 2) {
            v1 = vpair[1];
            v2 = vpair[0];
        }
        trial.put("v1", v1);
        trial.put("v2", v2);

        addPeriods("fixation", "stimulus1", "delay", "stimulus2", "decision");

        addOb(1, null, "fixation");
        addOb(represent(v1), "stimulus1", "stimulus");
        addOb(represent(v2), "stimulus2", "stimulus");
        setOb(0, "decision");
        addRandn(0, sigma, "stimulus1");
        addRandn(0, sigma, "stimulus2");

        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);  // the reference never aborts these tasks
    }
}
