package org.neurogym.tasks.motor;

import org.neurogym.api.Ring;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * One-dimensional reaching in which a single ring of units carries both the target (weakly, at
 * 0.3) and the agent's own reach state (at full strength), so that the self-generated input
 * overshadows the target.
 */
public final class Reaching1DWithSelfDistraction extends RingReachTask {

    /** The number of ring units (fixed in the reference). */
    static final int UNITS = 32;

    /** The target's input is this much weaker than the self-generated input. */
    static final double TARGET_GAIN = 0.3;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("Reaching1DWithSelfDistraction-v0")
            .family("motor")
            .tags("motor", "steps action space")
            .description("Reach towards a direction while the reach itself distracts: one ring of 32 units sums a weak "
                    + "input of the target angle (during the reach period) and a strong input of the agent's own reach "
                    + "angle; actions 1 and 2 turn that angle by +/-0.05 rad per step and every reach step is rewarded "
                    + "by closeness to the target (inspired by electric fish and bats sensing their own discharges). "
                    + "Ground truth: the action that turns towards the target while the ideal reach is still turning, "
                    + "then staying (the reference's integer angle is fixed).")
            .paper("", "")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing())
            .contract(RingReachTask.CONTRACT)
            .build(Reaching1DWithSelfDistraction::new);

    private final double[] targetInput = new double[UNITS];

    public Reaching1DWithSelfDistraction(Params p) {
        super(p, UNITS);
        defineSpaces(
                Box.unbounded(UNITS, Channel.range("stimulus", 0, UNITS)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("left", 1), Channel.of("right", 2)));
    }

    @Override
    protected void writeTarget() {
        Ring.cosineTuning(theta, target, TARGET_GAIN, 0, targetInput);
    }

    @Override
    protected void writeSelf(int step, double reachState) {
        float[] ob = ob();
        int row = step * UNITS;
        boolean reach = inPeriod("reach", step);
        double[] self = selfTuning(reachState);
        for (int i = 0; i < UNITS; i++) ob[row + i] = (float) ((reach ? targetInput[i] : 0) + self[i]);
    }
}
