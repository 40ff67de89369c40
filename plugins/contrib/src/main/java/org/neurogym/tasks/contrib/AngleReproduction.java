package org.neurogym.tasks.contrib;

import org.neurogym.api.Ring;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Reproducing two angles from memory: two angles are shown one after the other on a ring of 16
 * units, each followed by a delay; then in two go periods the agent rotates a pointer (starting
 * at pi) to each angle in turn. Every go step is rewarded by how close the pointer is.
 */
public final class AngleReproduction extends TrialEnv {

    private static final int RING = 16;
    private static final double SPEED = 0.05;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("AngleReproduction-v0")
            .family("contrib")
            .tags("perceptual", "working memory", "delayed response", "steps action space")
            .description("Two angles are shown in turn (stim1, stim2) on 16 units, each followed by a delay. A pointer "
                    + "starts at pi each trial and is shown on 16 more units; each step the agent keeps it (0) or turns "
                    + "it by +0.05 (1) or -0.05 rad (2). During go1 and go2 (cued by their own inputs) each step earns "
                    + "max(correct - circular distance to the angle, fail), and performance is that reward normalised "
                    + "to [0, 1] and averaged over the go steps. The answer is an angle, not an action: there is no "
                    + "supervised ground truth.")
            .paper("Visual perception as retrospective Bayesian decoding from high- to low-level features",
                    "https://www.pnas.org/content/114/43/E9115.short")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing())
            .contract(ContractExpectations.DEFAULT.withoutOracle(
                    "the targets are angles reached by turning a pointer 0.05 rad per step, scored by distance: no action "
                            + "sequence is given as ground truth and most targets are out of reach within the go periods"))
            .build(AngleReproduction::new);

    private final double[] theta = Ring.directions(RING);
    private final int stateFrom = RING;
    private double state;
    private double target1;
    private double target2;
    private int goSteps;

    public AngleReproduction(Params p) {
        super(p);
        defineRewards(p, "correct", 1.0, "fail", -0.1);
        defineTiming(p, "fixation", 500, "stim1", 500, "delay1", 500, "stim2", 500, "delay2", 500, "go1", 500, "go2", 500);
        defineSpaces(Box.unbounded(2 * RING + 2, Channel.range("stimulus", 0, RING), Channel.range("state", RING, 2 * RING),
                        Channel.of("go1", 2 * RING), Channel.of("go2", 2 * RING + 1)),
                new Discrete(3, Channel.of("stay", 0), Channel.of("increase", 1), Channel.of("decrease", 2)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        state = Math.PI;
        target1 = trial.setDefault("ground_truth1", rng.uniform(0, 2 * Math.PI));
        target2 = trial.setDefault("ground_truth2", rng.uniform(0, 2 * Math.PI));
        addPeriods("fixation", "stim1", "delay1", "stim2", "delay2", "go1", "go2");
        setOb(Ring.cosineTuning(theta, target1, 1, 0), "stim1", "stimulus");
        setOb(Ring.cosineTuning(theta, target2, 1, 0), "stim2", "stimulus");
        setOb(1, "go1", "go1");
        setOb(1, "go2", "go2");
        // the pointer as it stands if the agent never turns it; steps overwrite the rows that follow
        setOb(Ring.cosineTuning(theta, state, 1, 0), null, "state");
        goSteps = (periodEnd("go1") - periodStart("go1")) + (periodEnd("go2") - periodStart("go2"));
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (action == 1) state += SPEED;
        else if (action == 2) state -= SPEED;
        state = ((state % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        int next = stepIndex() + 1;
        if (next < trialLength()) {
            float[] ob = ob();
            int row = next * observationSize() + stateFrom;
            for (int i = 0; i < RING; i++) ob[row + i] = (float) Math.cos(theta[i] - state);
        }
        boolean go1 = inPeriod("go1");
        if (go1 || inPeriod("go2")) {
            double d = Math.abs(state - (go1 ? target1 : target2));
            d = Math.min(d, 2 * Math.PI - d);
            double correct = reward("correct");
            double fail = reward("fail");
            double r = Math.max(correct - d, fail);
            out.addReward(r);
            if (goSteps > 0 && correct != fail) performance += (r - fail) / (correct - fail) / goSteps;
        }
    }
}
