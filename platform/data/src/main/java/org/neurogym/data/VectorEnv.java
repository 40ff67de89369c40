package org.neurogym.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;

/**
 * N copies of a task stepped with one call on arrays of actions, in the calling thread
 * ({@code threads(1)}) or split across a team of threads; the results are the same either way,
 * since copy {@code i} is reset with {@link Rng#derive}{@code (seed, i)} and only ever touched by
 * one thread per step.
 *
 * <p>Results are flat arrays owned by the vector env and refilled on every step: observations
 * {@code [copy * observationSize + c]}, rewards, trial ends, ground truth, performance.
 *
 * <p>Auto-restart: NeuroGym tasks run trial after trial, so the end of a trial is not the end of
 * an episode: {@link #newTrials()} marks it, performance is that trial's, and the observation is
 * already the next trial's first. Only when a copy reports {@code terminated} or {@code truncated}
 * (a task or wrapper that ends episodes) is that copy reset, without reseeding (its random stream
 * continues), when the {@link Autoreset mode} says:
 * <ul>
 *   <li>{@link Autoreset#SAME_STEP} (the default; Gymnasium 0.29's only mode): in the same step;
 *       {@link #finalObservations()} then holds the episode's last observation,
 *       {@link #observations()} the new episode's first, and {@link #resets()} is true;</li>
 *   <li>{@link Autoreset#NEXT_STEP} (Gymnasium 1.x's default): the step that ends the episode
 *       returns its last observation; the next step ignores that copy's action and resets it
 *       (reward 0, no flags, {@link #resets()} true, the new episode's first observation);</li>
 *   <li>{@link Autoreset#DISABLED}: never; the caller resets (NeuroGym tasks go on stepping anyway).</li>
 * </ul>
 *
 * <p>A step allocates nothing (in either mode). Not thread-safe: one caller steps it.
 */
public final class VectorEnv implements AutoCloseable {
    private final Env[] envs;
    private final int n;
    private final int obSize;
    private final int actSize;
    private final Workers workers;
    private final long seed;

    private final float[] observations;
    private final float[] finalObservations;
    private final double[] rewards;
    private final boolean[] newTrials;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] resets;
    private final boolean[] hasGroundTruth;
    private final int[] groundTruth;
    private final float[] groundTruthVectors;
    private final double[] performance;
    private final float[][] actionSlices; // one action array per copy (Box actions): an env takes a whole float[]

    private int[] discreteActions;
    private float[] continuousActions;
    private final Workers.Job stepJob;
    private final Workers.Job resetJob;
    private final Autoreset autoreset;
    private final boolean[] pendingReset;
    private long resetSeed;
    private boolean closed;

    /** When a copy whose episode ended is reset (Gymnasium's autoreset modes). */
    public enum Autoreset {
        SAME_STEP,
        NEXT_STEP,
        DISABLED
    }

    public static Builder builder(Supplier<? extends Env> factory) {
        return new Builder(Objects.requireNonNull(factory, "factory"));
    }

    /** Options of a {@link VectorEnv}. */
    public static final class Builder {
        private final Supplier<? extends Env> factory;
        private int copies = 1;
        private int threads = 1;
        private long seed;
        private Autoreset autoreset = Autoreset.SAME_STEP;

        private Builder(Supplier<? extends Env> factory) {
            this.factory = factory;
        }

        /** Number of copies (default 1). */
        public Builder copies(int copies) {
            if (copies < 1) throw new IllegalArgumentException("copies must be at least 1, got " + copies);
            this.copies = copies;
            return this;
        }

        /** Threads stepping the copies (default 1: the calling thread). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            this.threads = threads;
            return this;
        }

        /** The seed {@link #reset()} uses (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** When a copy whose episode ended is reset (default {@link Autoreset#SAME_STEP}). */
        public Builder autoreset(Autoreset autoreset) {
            this.autoreset = Objects.requireNonNull(autoreset, "autoreset");
            return this;
        }

        public VectorEnv build() {
            return new VectorEnv(this);
        }
    }

    private VectorEnv(Builder b) {
        this.n = b.copies;
        this.seed = b.seed;
        this.autoreset = b.autoreset;
        this.pendingReset = new boolean[n];
        this.envs = new Env[n];
        int ob = -1;
        int act = -1;
        try {
            for (int i = 0; i < n; i++) {
                Env e = b.factory.get();
                if (e == null) throw new NeuroGymException("the env factory returned null for copy " + i);
                envs[i] = e;
                int o = ((Box) e.observationSpace()).size();
                Space a = e.actionSpace();
                int s = a instanceof Discrete ? 0 : ((Box) a).size();
                if (i == 0) {
                    ob = o;
                    act = s;
                } else if (o != ob || s != act) {
                    throw new NeuroGymException("the env factory made envs of different spaces (copy 0 and copy " + i + ")");
                }
            }
        } catch (RuntimeException e) {
            for (Env env : envs) if (env != null) env.close();
            throw e;
        }
        this.obSize = ob;
        this.actSize = act;
        this.observations = new float[n * obSize];
        this.finalObservations = new float[n * obSize];
        this.rewards = new double[n];
        this.newTrials = new boolean[n];
        this.terminated = new boolean[n];
        this.truncated = new boolean[n];
        this.resets = new boolean[n];
        this.hasGroundTruth = new boolean[n];
        this.groundTruth = new int[n];
        this.groundTruthVectors = actSize > 0 ? new float[n * actSize] : null;
        this.performance = new double[n];
        this.actionSlices = actSize > 0 ? new float[n][actSize] : null;
        this.workers = new Workers(Math.min(b.threads, n), "neurogym-vector");
        this.stepJob = part -> {
            int to = workers.from(part + 1, n);
            for (int i = workers.from(part, n); i < to; i++) stepCopy(i);
        };
        this.resetJob = part -> {
            int to = workers.from(part + 1, n);
            for (int i = workers.from(part, n); i < to; i++) {
                float[] o = envs[i].reset(Rng.derive(resetSeed, i));
                System.arraycopy(o, 0, observations, i * obSize, obSize);
            }
        };
    }

    public int size() {
        return n;
    }

    public Space observationSpace() {
        return envs[0].observationSpace();
    }

    public Space actionSpace() {
        return envs[0].actionSpace();
    }

    public int observationSize() {
        return obSize;
    }

    /** Action size of a Box action space, 0 for a discrete one. */
    public int actionSize() {
        return actSize;
    }

    /** Threads stepping (including the caller's). */
    public int threads() {
        return workers.parts();
    }

    /** Copy {@code i}, e.g. to read its trial; do not step it yourself. */
    public Env env(int i) {
        return envs[i];
    }

    /** Resets every copy with the builder's seed. */
    public float[] reset() {
        return reset(seed);
    }

    /** Resets copy {@code i} with {@code Rng.derive(seed, i)}; returns the first observations. */
    public float[] reset(long seed) {
        open();
        resetSeed = seed;
        clearFlags();
        workers.run(resetJob);
        return observations;
    }

    /** Steps copy {@code i} with {@code actions[i]} (discrete action spaces). */
    public void step(int[] actions) {
        open();
        if (actSize != 0) throw new IllegalArgumentException(envs[0].name() + " takes continuous actions: step(float[])");
        if (actions.length != n) throw new IllegalArgumentException("need " + n + " actions, got " + actions.length);
        discreteActions = actions;
        try {
            workers.run(stepJob);
        } finally {
            discreteActions = null;
        }
    }

    /** Steps copy {@code i} with {@code actions[i * actionSize ..]} (Box action spaces). */
    public void step(float[] actions) {
        open();
        if (actSize == 0) throw new IllegalArgumentException(envs[0].name() + " takes discrete actions: step(int[])");
        if (actions.length != n * actSize) throw new IllegalArgumentException("need " + n * actSize + " action values, got " + actions.length);
        continuousActions = actions;
        try {
            workers.run(stepJob);
        } finally {
            continuousActions = null;
        }
    }

    private void stepCopy(int i) {
        Env env = envs[i];
        if (pendingReset[i]) {
            restartNextStep(i, env);
            return;
        }
        StepResult r;
        if (actSize == 0) {
            r = env.step(discreteActions[i]);
        } else {
            float[] a = actionSlices[i];
            System.arraycopy(continuousActions, i * actSize, a, 0, actSize);
            r = env.step(a);
        }
        rewards[i] = r.reward();
        newTrials[i] = r.newTrial();
        terminated[i] = r.terminated();
        truncated[i] = r.truncated();
        hasGroundTruth[i] = r.hasGroundTruth();
        groundTruth[i] = r.groundTruth();
        if (actSize > 0 && r.groundTruthVector() != null) {
            System.arraycopy(r.groundTruthVector(), 0, groundTruthVectors, i * actSize, actSize);
        }
        performance[i] = r.performance();
        boolean ended = r.terminated() || r.truncated();
        boolean restart = ended && autoreset == Autoreset.SAME_STEP;
        pendingReset[i] = ended && autoreset == Autoreset.NEXT_STEP;
        resets[i] = restart;
        System.arraycopy(r.observation(), 0, restart ? finalObservations : observations, i * obSize, obSize);
        if (restart) {
            float[] first = env.reset();
            System.arraycopy(first, 0, observations, i * obSize, obSize);
        }
    }

    /** {@link Autoreset#NEXT_STEP}: this step resets copy {@code i} instead of stepping it. */
    private void restartNextStep(int i, Env env) {
        pendingReset[i] = false;
        float[] first = env.reset();
        System.arraycopy(first, 0, observations, i * obSize, obSize);
        rewards[i] = 0;
        newTrials[i] = false;
        terminated[i] = false;
        truncated[i] = false;
        hasGroundTruth[i] = false;
        groundTruth[i] = 0;
        performance[i] = 0;
        resets[i] = true;
    }

    /** The autoreset mode. */
    public Autoreset autoreset() {
        return autoreset;
    }

    /** The observations after the last step or reset, {@code [copy * observationSize + c]}. */
    public float[] observations() {
        return observations;
    }

    /** For copies with {@link #resets()} true after the last step: the episode's last observation. */
    public float[] finalObservations() {
        return finalObservations;
    }

    public double[] rewards() {
        return rewards;
    }

    /** True for copies whose trial ended on the last step (the observation is the next trial's first). */
    public boolean[] newTrials() {
        return newTrials;
    }

    public boolean[] terminated() {
        return terminated;
    }

    public boolean[] truncated() {
        return truncated;
    }

    /** True for copies that were reset on the last step because their episode ended. */
    public boolean[] resets() {
        return resets;
    }

    /** True for copies whose last step had a ground truth. */
    public boolean[] hasGroundTruth() {
        return hasGroundTruth;
    }

    /** The ground-truth action of each copy's last step (discrete action spaces). */
    public int[] groundTruth() {
        return groundTruth;
    }

    /** The ground-truth actions of the last step, {@code [copy * actionSize + i]} (Box action spaces), else null. */
    public float[] groundTruthVectors() {
        return groundTruthVectors;
    }

    /** The performance of the trial that ended, for copies with {@link #newTrials()} true. */
    public double[] performance() {
        return performance;
    }

    private void clearFlags() {
        Arrays.fill(rewards, 0);
        Arrays.fill(newTrials, false);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        Arrays.fill(resets, false);
        Arrays.fill(hasGroundTruth, false);
        Arrays.fill(groundTruth, 0);
        Arrays.fill(performance, 0);
        Arrays.fill(pendingReset, false);
    }

    private void open() {
        if (closed) throw new IllegalStateException("the vector env is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        workers.close();
        for (Env e : envs) {
            try {
                e.close();
            } catch (RuntimeException ignored) {
                // close the others
            }
        }
    }
}
