package org.neurogym.tasks.valuebased;

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

/** The empty task: one action, a constant zero input, no reward; a trial simply runs out after 10 s. */
public final class Null extends TrialEnv {

    /** The length of a trial in ms: the reference's default maximum trial time. */
    public static final double TRIAL_MS = 10_000;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("Null-v0")
            .family("value-based")
            .description("The empty task: a single possible action, a single input that is always 0, and no reward. "
                    + "Each trial lasts 10 s (10000 ms) and then ends on its own; no trial is ever counted correct. "
                    + "The ground truth is the only action, 0, at every step.")
            .params(ParamSpec.dt(100))
            .contract(ContractExpectations.DEFAULT
                    .withoutOracle("the empty task has nothing to get right: no trial is ever counted correct")
                    .withoutRandomness("the empty task draws nothing at random")
                    // one period of TRIAL_MS (at least one step) with no timing entry
                    .withExpectedMeanSteps(env -> Math.floor(Math.max(TRIAL_MS, env.dt()) / env.dt())))
            .build(Null::new);

    public Null(Params p) {
        super(p);
        defineSpaces(Box.unbounded(1, Channel.of("input", 0)), new Discrete(1, Channel.of("noop", 0)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        addPeriod("trial", Math.max(TRIAL_MS, dt)); // at least one step, as in the reference
        setGroundTruth(0);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        // nothing to judge
    }
}
