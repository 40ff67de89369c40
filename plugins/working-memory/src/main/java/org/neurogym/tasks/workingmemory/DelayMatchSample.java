package org.neurogym.tasks.workingmemory;

import org.neurogym.api.Choices;
import org.neurogym.api.Ring;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Delayed match-to-sample: a sample direction, a delay, then a test direction that is either the
 * sample or its opposite; the agent reports match or non-match in a final decision period.
 */
public final class DelayMatchSample extends TrialEnv {
    /** The periods of every trial, in order (a constant: no varargs array per trial). */
    private static final String[] PERIODS = {"fixation", "sample", "delay", "test", "decision"};

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DelayMatchSample-v0")
            .family("working-memory")
            .tags("perceptual", "working memory", "two-alternative", "supervised")
            .description("A sample direction (one of the ring units' preferred directions) is shown on a ring of "
                    + "noisy input units; after a delay a test direction is shown, equal to the sample or opposite "
                    + "to it. When the fixation input goes off the agent answers 'match' or 'non-match'.")
            .paper("Neural Mechanisms of Visual Working Memory in Prefrontal Cortex of the Macaque",
                    "https://www.jneurosci.org/content/jneuro/16/16/5154.full.pdf")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0),
                    ParamSpec.integer("dim_ring", 2, "Number of units of the stimulus ring.").min(1))
            .build(DelayMatchSample::new);

    private final double sigma;
    private final double[] theta;
    private final double[] response; // scratch of every trial's stimulus, made once

    public DelayMatchSample(Params p) {
        super(p);
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        int dimRing = p.getInt("dim_ring");
        theta = Ring.directions(dimRing);
        response = new double[theta.length];

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 300, "sample", 500, "delay", 1000, "test", 500, "decision", 900);
        defineSpaces(
                Box.unbounded(1 + dimRing, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + dimRing)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("match", 1), Channel.of("non-match", 2)));
        defineChoices(Choices.numbered(1, 1, 2)); // match, non-match
    }

    /** {@code angle} taken into [0, 2 pi). */
    static double wrapAngle(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", 1 + rng.integer(2), 1, 2);
        double sampleTheta = trial.setDefault("sample_theta", rng.choice(theta));
        double testTheta = groundTruth == 1 ? sampleTheta : wrapAngle(sampleTheta + Math.PI);
        trial.put("test_theta", testTheta);

        addPeriods(PERIODS);

        addOb(1, null, "fixation");
        setOb(0, "decision", "fixation");
        addOb(Ring.cosineTuning(theta, sampleTheta, 0.5, 0.5, response), "sample", "stimulus");
        addOb(Ring.cosineTuning(theta, testTheta, 0.5, 0.5, response), "test", "stimulus");
        addRandn(0, sigma, "sample", "stimulus");
        addRandn(0, sigma, "test", "stimulus");

        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);  // the reference never aborts these tasks
    }
}
