package org.neurogym.api;

import org.neurogym.api.space.Space;

/**
 * A Gymnasium-style environment. {@link #step(int)} and {@link #step(float[])} return a
 * {@link StepResult} that the env reuses on every step: read it (or copy what you keep) before
 * the next call. Discrete-action stepping neither boxes nor allocates.
 */
public interface Env extends AutoCloseable {

    /** The observation space; NeuroGym observations are always a {@link org.neurogym.api.space.Box}. */
    Space observationSpace();

    /** A {@link org.neurogym.api.space.Discrete} or {@link org.neurogym.api.space.Box} action space. */
    Space actionSpace();

    /** The time step in milliseconds. */
    double dt();

    /**
     * Reseeds every random source of the env from {@code seed} (trial sampling, timing, noise),
     * starts a new trial and returns its first observation (a buffer the env reuses).
     */
    float[] reset(long seed);

    /** Starts a new trial without reseeding (an env never seeded seeds itself from the clock). */
    float[] reset();

    /** Takes a discrete action; an action outside the action space is an {@link InvalidActionException}. */
    StepResult step(int action);

    /** Takes a continuous action; its length must match the Box action space. */
    StepResult step(float[] action);

    /** The innermost env under any wrappers (the task itself). */
    default Env unwrapped() {
        return this;
    }

    /** A short name for messages and plots, e.g. the task's class name. */
    default String name() {
        return unwrapped().getClass().getSimpleName();
    }

    @Override
    default void close() {}
}
