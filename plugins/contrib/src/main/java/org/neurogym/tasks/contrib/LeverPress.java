package org.neurogym.tasks.contrib;

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
 * Lever pressing: the agent waits until a cue signals the start of a sequence, then presses the
 * lever {@value #N_PRESS} times in a row for a large reward. Pressing while waiting costs 1; stopping
 * during the sequence breaks it and the agent waits for the next cue.
 */
public final class LeverPress extends TrialEnv {

    /** Probability that the cue comes on any step of waiting. */
    public static final double SIGNAL_PROB = 0.5;
    /** Presses needed to complete a sequence. */
    public static final int N_PRESS = 4;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("LeverPress-v0")
            .family("contrib")
            .tags("motor", "operant conditioning", "supervised")
            .description("A trial is a wait for the cue, then a sequence of 4 presses. While waiting (action 0) the cue "
                    + "appears with probability 0.5 on each step; pressing (action 1) while waiting costs the 'early' "
                    + "reward. After the cue, 4 presses in a row earn the 'complete' reward and end the trial; not "
                    + "pressing breaks the sequence and ends the trial, and the next trial waits for a new cue.")
            .params(ParamSpec.dt(100), ParamSpec.rewards())
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> 1 / SIGNAL_PROB + N_PRESS))
            .build(LeverPress::new);

    public LeverPress(Params p) {
        super(p);
        defineRewards(p, "early", -1.0, "complete", 10.0, "broken", 0.0);
        defineTiming(p);
        defineSpaces(Box.of(1, -1, 1, Channel.of("signal", 0)), new Discrete(2, Channel.of("wait", 0), Channel.of("press", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int waitSteps = 1;
        while (rng.uniform() >= SIGNAL_PROB) waitSteps++;
        waitSteps = trial.setDefault("wait_steps", waitSteps);
        if (waitSteps < 1) throw new org.neurogym.api.NeuroGymException(name() + ": wait_steps must be >= 1, got " + waitSteps);
        addPeriodAtStep("wait", 0, waitSteps);
        addPeriodAtStep("press", waitSteps, N_PRESS);
        // the cue is seen on the first step of the sequence only
        ob()[periodStart("press") * observationSize()] = 1;
        setGroundTruth(1, "press");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("wait")) {
            if (action == 1) out.addReward(reward("early"));
        } else if (action == 1) {
            if (stepIndex() == periodEnd("press") - 1) {
                out.addReward(reward("complete"));
                out.setNewTrial(true);
                performance = 1;
            }
        } else {
            out.addReward(reward("broken"));
            out.setNewTrial(true);
        }
    }
}
