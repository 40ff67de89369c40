package org.neurogym.api.agent;

import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.space.Discrete;

/**
 * A policy: chooses the next action from the current observation. Agents may keep state, and
 * must not allocate per step on the discrete path.
 */
public interface Agent {

    /** The next discrete action. */
    int act(float[] observation);

    /** The next continuous action (a buffer the agent may reuse). */
    default float[] actContinuous(float[] observation) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no continuous actions");
    }

    /** Steps {@code env} with this agent's action for {@code observation}, discrete or continuous as the env takes. */
    default StepResult step(Env env, float[] observation) {
        return env.actionSpace() instanceof Discrete ? env.step(act(observation)) : env.step(actContinuous(observation));
    }
}
