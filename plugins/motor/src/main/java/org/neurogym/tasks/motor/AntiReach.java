package org.neurogym.tasks.motor;

import org.neurogym.api.NeuroGymException;
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
 * Anti-reach (anti-saccade): a cue appears at one of {@code dim_ring} directions and, after an
 * optional delay, the agent must report the opposite direction (or the cued one when
 * {@code anti} is false).
 */
public final class AntiReach extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("AntiReach-v0")
            .family("motor")
            .tags("perceptual", "steps action space")
            .description("Anti-response task: while fixating, the agent sees a cue on a ring of directions; after an "
                    + "optional delay it must respond in the direction opposite the cue (or towards the cue when "
                    + "anti is false).")
            .paper("Look away: the anti-saccade task and the voluntary control of eye movement",
                    "https://www.nature.com/articles/nrn1345")
            .params(ParamSpec.dt(100),
                    ParamSpec.bool("anti", true, "True: respond away from the cue; false: respond towards it."),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.integer("dim_ring", 32, "Number of directions on the ring (stimulus units and choices).").min(1))
            .build(AntiReach::new);

    /** Breaking fixation never ends the trial (the reference fixes this flag to false; it is no parameter). */
    private static final boolean ABORT = false;

    private final boolean anti;
    private final int dimRing;
    private final double[] theta;
    private final double[] stim;

    public AntiReach(Params p) {
        super(p);
        anti = p.getBoolean("anti");
        dimRing = p.getInt("dim_ring");
        theta = Ring.directions(dimRing);
        stim = new double[dimRing];

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "stimulus", 500, "delay", 0, "decision", 500);
        defineSpaces(
                Box.unbounded(1 + dimRing, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + dimRing)),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", rng.integer(dimRing), 0, dimRing - 1);
        boolean antiTrial = asBoolean(trial.setDefault("anti", (Object) anti));

        double cue = theta[groundTruth];
        if (antiTrial) cue = (cue + Math.PI) % (2 * Math.PI);

        addPeriods("fixation", "stimulus", "delay", "decision");

        addOb(1, "fixation", "fixation");
        addOb(1, "stimulus", "fixation");
        addOb(1, "delay", "fixation");
        addOb(Ring.cosineTuning(theta, cue, 1, 0, stim), "stimulus", "stimulus");

        setGroundTruth(groundTruth, "decision", "choice");
    }

    private static boolean asBoolean(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        throw new NeuroGymException("AntiReach: trial fact 'anti' must be a boolean, got " + v);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, ABORT);
    }
}
