package org.neurogym.wrappers;

import org.neurogym.api.Env;
import org.neurogym.api.ObservationWrapper;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Appends one observation element, channel {@code reward}: the reward of the previous step (0 at
 * the start of an episode). In the trial matrix the channel is 0 on every row: a trial built ahead
 * of time has no reward history, and inside a trial an agent that follows the ground truth earns
 * nothing before its answer in the usual tasks.
 */
public final class PassReward extends ObservationWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("PassReward").family("observation")
            .description("Appends the previous step's reward to the observation (channel 'reward'). In trial matrices "
                    + "(supervised datasets) the channel is 0 throughout, since a trial built ahead of time has no reward history.")
            .accepts(Accepts.TRIAL_BASED)
            .liveChannels("reward")
            .build(PassReward::new);

    private final int reward;

    public PassReward(Env env) {
        super(env);
        this.reward = addChannel("reward", 1);
    }

    public PassReward(Env env, Params params) {
        this(env);
    }

    @Override
    protected void onStep(StepResult result) {
        result.observation()[reward] = (float) result.reward();
    }
}
