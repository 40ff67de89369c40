package org.neurogym.tasks.perceptual;

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
 * Two stimuli, one of them stronger on average; after a variable delay the agent reports which.
 */
public final class PerceptualDecisionMakingDelayResponse extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("PerceptualDecisionMakingDelayResponse-v0")
            .family("perceptual")
            .tags("perceptual", "delayed response", "two-alternative", "supervised")
            .description("The agent integrates two noisy stimuli and reports, after a delay, which one is larger on average.")
            .paper("Discrete attractor dynamics underlies persistent activity in the frontal cortex",
                    "https://www.nature.com/articles/s41586-019-0919-7")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("stim_scale", 1.0, "Scales the coherences: the difficulty of the experiment."),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0))
            .build(PerceptualDecisionMakingDelayResponse::new);

    private static final double[] BASE_COHS = {0, 6.4, 12.8, 25.6, 51.2};
    private final double[] cohs;
    private final double sigma;

    public PerceptualDecisionMakingDelayResponse(Params p) {
        super(p);
        double scale = p.getDouble("stim_scale");
        cohs = new double[BASE_COHS.length];
        for (int i = 0; i < cohs.length; i++) cohs[i] = BASE_COHS[i] * scale;
        sigma = p.getDouble("sigma") / Math.sqrt(dt);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 0, "stimulus", 1150,
                "delay", new double[] {300, 500, 700, 900, 1200, 2000, 3200, 4000},
                "decision", 1500);
        defineSpaces(
                Box.unbounded(3, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3)),
                new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // the ground truth is the action itself (1 or 2), as in the reference
        int groundTruth = trial.setDefault("ground_truth", 1 + rng.integer(2));
        double coh = trial.setDefault("coh", rng.choice(cohs));
        // the noise level is a trial fact too (per step, already scaled by dt), so a caller can impose it
        double noise = trial.setDefault("sigma", sigma);

        addPeriods("fixation", "stimulus", "delay", "decision");

        setOb(new double[] {1, 0, 0}, "fixation");
        setOb(1, "stimulus", "fixation");
        setOb((1 - coh / 100) / 2, "stimulus", "stimulus");
        setOb((1 + coh / 100) / 2, "stimulus", groundTruth);
        addRandn(0, noise, "stimulus", "stimulus");
        setOb(new double[] {1, 0, 0}, "delay");

        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        // with two choices, any action other than fixation and the ground truth is the other choice: "fail"
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false); // abort is always off in this task
    }
}
