package org.neurogym.api.agent;

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
}
