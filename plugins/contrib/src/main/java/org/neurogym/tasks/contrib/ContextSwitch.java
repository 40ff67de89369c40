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
 * A one-step stimulus-response task whose mapping flips with a hidden context: in context 0 the
 * agent repeats the cue (0 -> 0, 1 -> 1), in context 1 it reverses it. The context switches
 * before each trial with probability {@code p_switch}.
 */
public final class ContextSwitch extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ContextSwitch-v0")
            .family("contrib")
            .tags("context dependent", "two-alternative", "supervised")
            .description("One-step trials: a one-hot cue (0 or 1) is shown and the agent answers 0 or 1. In the hidden "
                    + "context 0 the correct answer is the cue, in context 1 the other one; the context switches before "
                    + "each trial with probability p_switch (episodes start in context 0). Part of the reference's "
                    + "lever-press family.")
            .params(ParamSpec.dt(100), ParamSpec.rewards(),
                    ParamSpec.number("p_switch", 0.1, "Probability that the context switches before a trial.").range(0, 1))
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> 1))
            .build(ContextSwitch::new);

    private final double pSwitch;
    private int context;
    private int answer;

    public ContextSwitch(Params p) {
        super(p);
        pSwitch = p.getDouble("p_switch");
        defineRewards(p, "correct", 1.0, "fail", 0.0);
        defineTiming(p);
        defineSpaces(Box.of(2, 0, 1, Channel.range("cue", 0, 2)), new Discrete(2, Channel.range("choice", 0, 2)));
    }

    @Override
    protected void onReset() {
        context = 0;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        if (rng.uniform() < pSwitch) context = 1 - context;
        int cxt = trial.setDefault("context", context);
        int cue = trial.setDefault("cue", rng.integer(2));
        if ((cxt != 0 && cxt != 1) || (cue != 0 && cue != 1)) {
            throw new org.neurogym.api.NeuroGymException(name() + ": context and cue must be 0 or 1, got " + cxt + " and " + cue);
        }
        answer = cxt == 0 ? cue : 1 - cue;
        trial.put("ground_truth", answer);
        addPeriod("cue", dt);
        addOb(1, null, cue);
        setGroundTruth(answer);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        out.setNewTrial(true);
        if (action == answer) {
            out.addReward(reward("correct"));
            performance = 1;
        } else {
            out.addReward(reward("fail"));
        }
    }
}
