package org.neurogym.tasks.contrib;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Random-dots discrimination whose response mapping depends on a hidden context that switches
 * rarely: in context 0 the agent reports the stronger side with actions 1-2, in context 1 with
 * actions 3-4. The context may be shown as a cue.
 */
public final class ChangingEnvironment extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ChangingEnvironment-v0")
            .family("contrib")
            .tags("perceptual", "two-alternative", "supervised", "context dependent")
            .description("Two-choice random-dots task with a hidden context that switches between trials with "
                    + "probability cxt_ch_prob: the stronger of two noisy stimuli is reported with action 1 or 2 in "
                    + "context 0 and with action 3 or 4 in context 1. With cxt_cue the context is an extra input.")
            .paper("Hierarchical decision processes that operate over distinct timescales underlie choice and changes "
                    + "in strategy", "https://www.pnas.org/content/113/31/E4531")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                    ParamSpec.number("stim_scale", 1.0, "Scales the coherences (task difficulty)."),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0),
                    ParamSpec.number("cxt_ch_prob", 0.001, "Probability that the context switches before a trial.").range(0, 1),
                    ParamSpec.bool("cxt_cue", false, "Show the context as an extra input."))
            .build(ChangingEnvironment::new);

    private final double[] cohs;
    private final double sigma;
    private final double switchProb;
    private final boolean cue;
    private final int stimOffset;
    private int context = -1;

    public ChangingEnvironment(Params p) {
        super(p);
        double scale = p.getDouble("stim_scale");
        cohs = new double[] {0, 6.4 * scale, 12.8 * scale, 25.6 * scale, 51.2 * scale};
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        switchProb = p.getDouble("cxt_ch_prob");
        cue = p.getBoolean("cxt_cue");
        stimOffset = cue ? 2 : 1;
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "stimulus", Timing.truncatedExponential(1000, 500, 1500), "decision", 500);
        Box ob = cue
                ? Box.unbounded(4, Channel.of("context", 0), Channel.of("fixation", 1), Channel.range("stimulus", 2, 4))
                : Box.unbounded(3, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3));
        defineSpaces(ob, new Discrete(5, Channel.of("fixation", 0), Channel.range("choice_context0", 1, 3),
                Channel.range("choice_context1", 3, 5)));
    }

    @Override
    protected void onReset() {
        context = -1;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        if (context < 0) context = rng.integer(2);
        if (rng.uniform() < switchProb) context = 1 - context;
        int side = trial.setDefault("side", 1 + rng.integer(2));
        if (side != 1 && side != 2) throw new NeuroGymException(name() + ": side must be 1 or 2, got " + side);
        int cxt = trial.setDefault("context", context);
        if (cxt != 0 && cxt != 1) throw new NeuroGymException(name() + ": context must be 0 or 1, got " + cxt);
        int groundTruth = side + 2 * cxt;
        trial.put("ground_truth", groundTruth);
        double coh = trial.setDefault("coh", rng.choice(cohs));

        addPeriods("fixation", "stimulus", "decision");
        addOb(1, "fixation", "fixation");
        if (cue) addOb(cxt, null, "context");
        addOb((1 - coh / 100) / 2, "stimulus", "stimulus");
        setOb((1 + coh / 100) / 2, "stimulus", stimOffset + side - 1);
        addRandn(0, sigma, "stimulus", "stimulus");
        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);
    }
}
