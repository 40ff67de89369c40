package org.neurogym.tasks.workingmemory;

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
 * Two-item delayed match-to-sample: two samples are shown together; a cue then says which one
 * the first test probes, and a second cue and test probe the other one.
 */
public final class DualDelayMatchSample extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DualDelayMatchSample-v0")
            .family("working-memory")
            .tags("perceptual", "working memory", "two-alternative", "supervised")
            .description("Two samples, each one of two orthogonal directions encoded as (cos, sin), are shown at once "
                    + "on the inputs stimulus1 and stimulus2. After a delay a cue (cue1 or cue2) names the sample that "
                    + "the next test probes; the agent answers 'match' or 'non-match' during that test. A second "
                    + "delay, cue and test probe the other sample. The first answer in each test is judged; the trial "
                    + "counts as correct only when both answers are right.")
            .paper("Reactivation of latent working memories with transcranial magnetic stimulation",
                    "https://science.sciencemag.org/content/354/6316/1136")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise, per sqrt(ms).").min(0))
            .build(DualDelayMatchSample::new);

    private static final double[] SAMPLES = {0, 0.5};

    private final double sigma;
    private boolean firstAnswered;
    private boolean firstCorrect;

    public DualDelayMatchSample(Params p) {
        super(p);
        sigma = p.getDouble("sigma") / Math.sqrt(dt);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "sample", 500, "delay1", 500, "cue1", 500,
                "test1", 500, "delay2", 500, "cue2", 500, "test2", 500);
        defineSpaces(
                Box.unbounded(7, Channel.of("fixation", 0), Channel.range("stimulus1", 1, 3),
                        Channel.range("stimulus2", 3, 5), Channel.of("cue1", 5), Channel.of("cue2", 6)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("match", 1), Channel.of("non-match", 2)));
    }

    /** The (cos, sin) encoding of a sample or test value v (the angle v * pi). */
    static double[] encode(double v) {
        return new double[] {Math.cos(v * Math.PI), Math.sin(v * Math.PI)};
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth1 = trial.setDefaultWithin("ground_truth1", 1 + rng.integer(2), 1, 2);
        int groundTruth2 = trial.setDefaultWithin("ground_truth2", 1 + rng.integer(2), 1, 2);
        double sample1 = trial.setDefault("sample1", rng.choice(SAMPLES));
        double sample2 = trial.setDefault("sample2", rng.choice(SAMPLES));
        int testOrder = trial.setDefaultWithin("test_order", rng.integer(2), 0, 1);

        double test1 = groundTruth1 == 1 ? sample1 : 0.5 - sample1;
        double test2 = groundTruth2 == 1 ? sample2 : 0.5 - sample2;
        trial.put("test1", test1);
        trial.put("test2", test2);

        // Which periods probe which sample: in order 1 the second sample is probed first.
        String testPeriodOf1 = testOrder == 0 ? "test1" : "test2";
        String testPeriodOf2 = testOrder == 0 ? "test2" : "test1";
        String cuePeriodOf1 = testOrder == 0 ? "cue1" : "cue2";
        String cuePeriodOf2 = testOrder == 0 ? "cue2" : "cue1";

        addPeriods("fixation", "sample", "delay1", "cue1", "test1", "delay2", "cue2", "test2");

        addOb(1, null, "fixation");
        addOb(encode(sample1), "sample", "stimulus1");
        addOb(encode(sample2), "sample", "stimulus2");
        addOb(1, cuePeriodOf1, "cue1");
        addOb(1, cuePeriodOf2, "cue2");
        addOb(encode(test1), testPeriodOf1, "stimulus1");
        addOb(encode(test2), testPeriodOf2, "stimulus2");
        addRandn(0, sigma, "sample");
        addRandn(0, sigma, "test1");
        addRandn(0, sigma, "test2");

        setGroundTruth(groundTruth1, testPeriodOf1);
        setGroundTruth(groundTruth2, testPeriodOf2);

        firstAnswered = false;
        firstCorrect = false;
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("test1")) {
            // Only the first answer of the first test is judged (see the deviations).
            if (action != 0 && !firstAnswered) {
                firstAnswered = true;
                firstCorrect = action == gtNow();
                out.addReward(reward(firstCorrect ? "correct" : "fail"));
            }
        } else if (inPeriod("test2")) {
            if (action != 0) {
                out.setNewTrial(true);
                if (action == gtNow()) {
                    out.addReward(reward("correct"));
                    performance = firstCorrect ? 1 : 0;
                } else {
                    out.addReward(reward("fail"));
                    performance = 0;
                }
            }
        } else if (action != 0) {
            out.addReward(reward("abort")); // the reference never aborts these tasks
        }
    }
}
