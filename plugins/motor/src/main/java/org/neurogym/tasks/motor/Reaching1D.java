package org.neurogym.tasks.motor;

import org.neurogym.api.Ring;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * One-dimensional reaching: a ring of units shows the target direction during the reach period,
 * another ring shows the agent's own reach state, and the agent turns that state towards the
 * target one small step at a time.
 */
public final class Reaching1D extends RingReachTask {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("Reaching1D-v0")
            .family("motor")
            .tags("motor", "steps action space")
            .description("Reach towards a direction: after fixation a ring of units encodes a target angle, a second "
                    + "ring encodes the agent's own reach angle (starting at pi), and actions 1 and 2 turn that angle "
                    + "by +/-0.05 rad per step. Every reach step is rewarded by how close the angle is to the target. "
                    + "Ground truth: the action that turns towards the target while the ideal reach is still turning, "
                    + "then staying (the reference's integer angle is fixed).")
            .paper("Neuronal population coding of movement direction", "https://science.sciencemag.org/content/233/4771/1416")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.integer("dim_ring", 16, "Number of units in each ring (target and self).").min(1))
            .contract(RingReachTask.CONTRACT)
            .build(Reaching1D::new);

    private final int dimRing;
    private final double[] targetInput;

    public Reaching1D(Params p) {
        super(p, p.getInt("dim_ring"));
        dimRing = p.getInt("dim_ring");
        targetInput = new double[dimRing];
        defineSpaces(
                Box.unbounded(2 * dimRing, Channel.range("self", dimRing, 2 * dimRing), Channel.range("target", 0, dimRing)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("left", 1), Channel.of("right", 2)));
    }

    @Override
    protected void writeTarget() {
        addOb(Ring.cosineTuning(theta, target, 1, 0, targetInput), "reach", "target");
    }

    @Override
    protected void writeSelf(int step, double reachState) {
        float[] ob = ob();
        int row = step * observationSize() + dimRing;
        double[] self = selfTuning(reachState);
        for (int i = 0; i < dimRing; i++) ob[row + i] = (float) self[i];
    }
}
