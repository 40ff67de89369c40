package org.neurogym.tasks.workingmemory;

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
 * Delayed match-to-sample with distractors: after the sample come up to three tests separated
 * by delays; exactly one of them repeats the sample and the agent must respond to that one only.
 */
public final class DelayMatchSampleDistractor1D extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DelayMatchSampleDistractor1D-v0")
            .family("working-memory")
            .tags("perceptual", "working memory", "two-alternative", "supervised")
            .description("A sample direction in [0, 2 pi) is shown on a ring of 32 units, followed by three tests "
                    + "separated by delays (noise-free inputs). One test, chosen at random, repeats the sample; the others are random "
                    + "distractor directions. The agent must hold fixation and press 'match' during the repeating "
                    + "test: a press at any other time after the sample fails the trial.")
            .paper("Neural Mechanisms of Visual Working Memory in Prefrontal Cortex of the Macaque",
                    "https://www.jneurosci.org/content/jneuro/16/16/5154.full.pdf")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Input noise per sqrt(ms); declared by the reference task, which applies no noise.").min(0))
            .build(DelayMatchSampleDistractor1D::new);

    static final int RING = 32;
    private static final String[] TESTS = {"test1", "test2", "test3"};

    private final double[] theta;
    private String matchingTest = TESTS[0];
    private final double[] tests = new double[3]; // scratch of every trial, made once
    private final double[] ring = new double[RING];

    public DelayMatchSampleDistractor1D(Params p) {
        super(p);
        // sigma is declared by the reference, which applies no noise in this task; neither do we
        theta = Ring.directions(RING);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", -1.0);
        defineTiming(p, "fixation", 300, "sample", 500, "delay1", 1000, "test1", 500,
                "delay2", 1000, "test2", 500, "delay3", 1000, "test3", 500);
        defineSpaces(
                Box.unbounded(1 + RING, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + RING)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("match", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", 1 + rng.integer(3), 1, 3);
        double sample = trial.setDefault("sample", rng.uniform(0, 2 * Math.PI));
        for (int i = 0; i < 3; i++) {
            double drawn = i + 1 == groundTruth ? sample : rng.uniform(0, 2 * Math.PI);
            tests[i] = trial.setDefault(TESTS[i], drawn);
        }
        matchingTest = TESTS[groundTruth - 1];

        addPeriods("fixation", "sample", "delay1", "test1", "delay2", "test2", "delay3", "test3");

        addOb(1, "fixation", "fixation");
        addOb(cosines(sample), "sample", "stimulus");
        for (int i = 0; i < 3; i++) addOb(cosines(tests[i]), TESTS[i], "stimulus");

        setGroundTruth(1, matchingTest);
    }

    /** The ring's input for {@code angle}, in a scratch array that {@code addOb} copies at once. */
    private double[] cosines(double angle) {
        return Ring.cosineTuning(theta, angle, 1, 0, ring);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if ((inPeriod("fixation") || inPeriod("sample")) && action != 0) {
            out.addReward(reward("abort")); // the reference never aborts these tasks
        } else if (!inPeriod(matchingTest)) {
            if (action != 0) {
                out.addReward(reward("fail"));
                out.setNewTrial(true);
            }
        } else if (action == 1) {
            out.addReward(reward("correct"));
            out.setNewTrial(true);
            performance = 1;
        }
    }
}
