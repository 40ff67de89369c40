package org.neurogym.wrappers;

import java.util.List;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * Appends one observation element, channel {@code reward}: the reward of the previous step (0 at
 * the start of an episode). In the trial matrix the channel is 0 on every row: a trial built ahead
 * of time has no reward history, and inside a trial an agent that follows the ground truth earns
 * nothing before its answer in the usual tasks.
 */
public final class PassReward extends ExtendedTrials {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("PassReward",
            "Appends the previous step's reward to the observation (channel 'reward'). In trial matrices "
                    + "(supervised datasets) the channel is 0 throughout, since a trial built ahead of time has no reward history.",
            List.of(), PassReward::new);

    public PassReward(Env env) {
        super("PassReward", env, 1, "reward");
    }

    public PassReward(Env env, Params params) {
        this(env);
    }

    @Override
    protected void fillTrialExtra(float[] m, int rows) {
        // zeros, already written by the base
    }

    @Override
    public StepResult step(int action) {
        return pass(env.step(action));
    }

    @Override
    public StepResult step(float[] action) {
        return pass(env.step(action));
    }

    private StepResult pass(StepResult inner) {
        StepResult r = begin(inner);
        r.observation()[innerSize] = (float) inner.reward();
        return finish();
    }
}
