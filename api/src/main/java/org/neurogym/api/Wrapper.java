package org.neurogym.api;

import org.neurogym.api.space.Space;

/**
 * An env that delegates to another, Gymnasium's Wrapper: a wrapper overrides the hook for what it
 * changes and nothing else. The plumbing of {@link #reset(long)}, {@link #reset()},
 * {@link #step(int)} and {@link #step(float[])} is written here once:
 * <ul>
 *   <li>reset: the wrapper's own stream ({@link #rng()}) is reseeded, {@link #onReset()} runs, then
 *       the inner env resets (and builds its first trial, through the top of the stack);</li>
 *   <li>step: {@link #action(int)} (or {@link #action(float[])}) changes the action, the inner env
 *       steps, {@link #reward(double)} changes the reward, then {@link #onStep(StepResult)} sees the
 *       whole result (info entries, a trial that ended) and may change it.</li>
 * </ul>
 * The result is the inner env's, changed in place: it is reused on every step, as {@link Env} says.
 * Observation hooks, which must change the trial matrices too, are {@link ObservationWrapper}'s.
 */
public abstract class Wrapper implements Env {
    /** Keeps wrapper streams apart from the per-env seeds {@code Rng.derive(seed, j)} of env schedules. */
    private static final long STREAM_BASE = 0x5EED_0000L;

    protected final Env env;
    private final Rng rng = new Rng(0);
    private final long streamIndex;
    private boolean seeded;
    private Recipe recipe;

    protected Wrapper(Env env) {
        if (env == null) throw new IllegalArgumentException("cannot wrap a null env");
        this.env = env;
        this.streamIndex = STREAM_BASE + depth(env);
    }

    /** The env directly inside this wrapper. */
    public final Env inner() {
        return env;
    }

    /** How this wrapper was made by its descriptor, or null when it was made directly (see {@link Recipe}). */
    public final Recipe recipe() {
        return recipe;
    }

    /** Records how this wrapper (or the composed task it tops) was made; called by the descriptor that makes it. */
    public final void setRecipe(Recipe recipe) {
        this.recipe = recipe;
    }

    /** The number of layers of {@code env}'s stack, 1 for a bare task. */
    private static int depth(Env env) {
        int d = 1;
        for (Env e = env; e instanceof Wrapper w; e = w.inner()) d++;
        return d;
    }

    // ------------------------------------------------------------------ hooks

    /**
     * The wrapper's own random stream: reseeded at every {@link #reset(long)} from the episode seed
     * and the wrapper's place in the stack (two wrappers of one kind draw different numbers), so the
     * task's own draws are the same with or without the wrapper. Seeded from the clock by an
     * unseeded first {@link #reset()}.
     */
    protected final Rng rng() {
        return rng;
    }

    /** Called at every reset, after {@link #rng()} is reseeded and before the inner env resets: clear episode state here. */
    protected void onReset() {}

    /** The discrete action the inner env takes for the agent's {@code action}. */
    protected int action(int action) {
        return action;
    }

    /** The continuous action the inner env takes for the agent's {@code action} (do not keep a reference to it). */
    protected float[] action(float[] action) {
        return action;
    }

    /** The reward the agent gets for the inner env's {@code reward}. */
    protected double reward(double reward) {
        return reward;
    }

    /** Sees (and may change) each step's result after the reward hook: info entries, the trial that ended... */
    protected void onStep(StepResult result) {}

    // ------------------------------------------------------------------ plumbing

    @Override
    public float[] reset(long seed) {
        rng.reseed(Rng.derive(seed, streamIndex));
        seeded = true;
        onReset();
        return resetObservation(resetInner(seed));
    }

    @Override
    public float[] reset() {
        if (!seeded) {
            rng.reseed(System.nanoTime() ^ Rng.derive(System.identityHashCode(this), streamIndex));
            seeded = true;
        }
        onReset();
        return resetObservation(resetInner());
    }

    @Override
    public StepResult step(int action) {
        return stepped(env.step(action(action)));
    }

    @Override
    public StepResult step(float[] action) {
        return stepped(env.step(action(action)));
    }

    /** Resets what lies below with {@code seed}: the inner env; a wrapper holding several envs resets each. */
    protected float[] resetInner(long seed) {
        return env.reset(seed);
    }

    /** Resets what lies below without reseeding. */
    protected float[] resetInner() {
        return env.reset();
    }

    /** The first observation of an episode from the inner env's (an {@link ObservationWrapper} extends it). */
    float[] resetObservation(float[] inner) {
        return inner;
    }

    /** The result of a step from the inner env's: the reward and step hooks. */
    StepResult stepped(StepResult inner) {
        inner.setReward(reward(inner.reward()));
        onStep(inner);
        return inner;
    }

    // ------------------------------------------------------------------ delegation

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
