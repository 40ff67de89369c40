package org.neurogym.api;

import org.neurogym.api.space.Space;

/**
 * An env that delegates to another: override what the wrapper changes. Gymnasium's Wrapper.
 */
public abstract class Wrapper implements Env {
    protected final Env env;

    protected Wrapper(Env env) {
        if (env == null) throw new IllegalArgumentException("cannot wrap a null env");
        this.env = env;
    }

    /** The env directly inside this wrapper. */
    public final Env inner() {
        return env;
    }

    @Override
    public Space observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return env.actionSpace();
    }

    @Override
    public double dt() {
        return env.dt();
    }

    @Override
    public float[] reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public float[] reset() {
        return env.reset();
    }

    @Override
    public StepResult step(int action) {
        return env.step(action);
    }

    @Override
    public StepResult step(float[] action) {
        return env.step(action);
    }

    @Override
    public final Env unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + env + ">";
    }
}
