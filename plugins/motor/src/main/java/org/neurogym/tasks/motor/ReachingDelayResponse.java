package org.neurogym.tasks.motor;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Delayed reach with a continuous answer: a value shown during the stimulus period must be
 * reproduced, after a delay, once the go signal appears. Action element 0 says whether to respond
 * (positive) or hold (negative); element 1 is the reported value.
 */
public final class ReachingDelayResponse extends TrialEnv {

    /** Bounds of the reported value (action element 1); the targets must lie within them. */
    static final double ACTION_LOW = -1.0;
    static final double ACTION_HIGH = 2.0;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ReachingDelayResponse-v0")
            .family("motor")
            .tags("perceptual", "delayed response", "continuous action space", "multidimensional action space", "supervised")
            .description("Delayed continuous response: a stimulus value drawn uniformly from [lowbound, highbound) is "
                    + "shown, then withheld for a delay; when the go input turns on, the agent responds (action[0] > 0) "
                    + "with action[1] as its estimate and earns correct / (1 + |error|)^2. Holding (action[0] < 0) is "
                    + "required during the stimulus; never responding ends the trial with the 'miss' reward.")
            .paper("", "")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("lowbound", 0.0, "Lower bound of the stimulus value to reproduce.").range(ACTION_LOW, ACTION_HIGH),
                    ParamSpec.number("highbound", 1.0, "Upper bound of the stimulus value to reproduce.").max(ACTION_HIGH))
            .build(ReachingDelayResponse::new);

    /** A response during the stimulus never ends the trial (the reference fixes this flag to false; it is no parameter). */
    private static final boolean ABORT = false;

    private static final double[] HOLD = {-1, -0.5};
    private static final double[] DELAY_OB = {0, -0.5};
    private static final double[] GO_OB = {1, -0.5};

    private final double lowbound;
    private final double highbound;
    private final double[] respond = {1, 0};
    /** The current target as the float the ground truth and the actions carry. */
    private float target;

    public ReachingDelayResponse(Params p) {
        super(p);
        lowbound = p.getDouble("lowbound");
        highbound = p.getDouble("highbound");
        // the bound by the action space is declared; the order of the two bounds is not a per-parameter rule
        if (!(highbound >= lowbound)) {
            throw new ParameterException("highbound", "highbound must be >= lowbound (" + lowbound + "), got " + highbound);
        }

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", -0.0, "miss", -0.5);
        defineTiming(p, "stimulus", 500, "delay", new double[] {0, 1000, 2000}, "decision", 500);
        defineSpaces(
                new Box(new int[] {2}, new float[] {0f, -2f}, new float[] {1f, 2f},
                        Channel.of("go", 0), Channel.of("stimulus", 1)),
                new Box(new int[] {2}, new float[] {-1f, (float) ACTION_LOW}, new float[] {1f, (float) ACTION_HIGH},
                        Channel.of("go", 0), Channel.of("response", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        double groundTruth = trial.setDefault("ground_truth", rng.uniform(lowbound, highbound));
        target = (float) groundTruth;

        addPeriods("stimulus", "delay", "decision");

        addOb(groundTruth, "stimulus", "stimulus");
        setOb(DELAY_OB, "delay");
        setOb(GO_OB, "decision");

        setGroundTruth(HOLD, "stimulus");
        setGroundTruth(HOLD, "delay");
        respond[1] = target;
        setGroundTruth(respond, "decision");
    }

    @Override
    protected void onStep(float[] action, StepResult out) {
        if (inPeriod("stimulus")) {
            if (!(action[0] < 0)) {
                out.setNewTrial(ABORT);
                out.addReward(reward("abort"));
            }
        } else if (inPeriod("decision") && action[0] > 0) {
            out.setNewTrial(true);
            double closeness = 1 / Math.pow(1 + Math.abs(action[1] - target), 2);
            out.addReward(reward("correct") * closeness);
            performance = closeness;
        }
    }

    /** A trial that runs out of time without a response costs the miss reward. */
    @Override
    protected void onTrialTimeout(StepResult out) {
        out.addReward(reward("miss"));
    }
}
