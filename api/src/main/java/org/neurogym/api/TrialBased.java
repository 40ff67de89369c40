package org.neurogym.api;

import java.util.Map;

/**
 * An env made of trials whose whole observation and ground-truth matrices exist when the trial
 * starts: a {@link TrialEnv} or a {@link TrialWrapper} over one. A supervised Dataset reads the
 * matrices directly; wrappers that change trials expose their changes here too.
 */
public interface TrialBased extends Env {

    /** The nearest trial-based env in {@code env}'s wrapper stack, {@code env} itself first; null when there is none. */
    static TrialBased nearest(Env env) {
        for (Env e = env; e != null; e = e instanceof Wrapper w ? w.inner() : null) {
            if (e instanceof TrialBased tb) return tb;
        }
        return null;
    }

    /** Starts a new trial; {@code kwargs} impose facts (e.g. {@code ground_truth}) instead of drawing them. */
    Trial newTrial(Map<String, ?> kwargs);

    /** The facts of the current trial. */
    Trial trial();

    /** The current step within the trial (0 at the trial's first step). */
    int stepIndex();

    /** The current trial's length in steps. */
    int trialLength();

    /**
     * The current trial's observations, flat and row-major: row {@code t} starts at
     * {@code t * observationSize}. Valid until the next trial starts. Never modified from outside:
     * a wrapper that changes observations is an {@link ObservationWrapper}, which keeps a matrix of
     * its own, so that stepping and datasets see the same trial at every level of the stack.
     */
    float[] trialObservations();

    /**
     * The current trial's frames when the observation space is a uint8 image: flat and row-major,
     * frame {@code t} starts at {@code t * observationSize} (each frame {@code [height][width][rgb]});
     * null for float observations, whose matrix is {@link #trialObservations()}. Valid until the
     * next trial starts.
     */
    default byte[] trialFrames() {
        return null;
    }

    /**
     * The current trial's ground truth, one action per step (discrete action spaces), or null.
     * A trial wrapper may modify it in its {@code onNewTrial} (e.g. ReactionTime).
     */
    int[] trialGroundTruth();

    /** The current trial's ground truth, flat {@code [step][actionSize]} (Box action spaces), or null. */
    float[] trialGroundTruthVector();

    /** True when the task defined a ground truth for the current trial. */
    boolean hasGroundTruth();

    /**
     * The task under the wrappers: the task that built the current trial. Under a wrapper that runs
     * trials from several envs, it is the task of the env of the current trial.
     */
    TrialEnv task();

    /**
     * Hands down the <em>top</em>: the trial-based env that every task below this one asks for its
     * next trial, at reset and when a trial ends. A {@link TrialEnv} records it; a
     * {@link TrialWrapper} passes it to the env below (by default); a wrapper that holds several envs
     * passes it to every one of them. {@link TrialWrapper}'s constructor calls it to make itself the
     * top; other callers are wrappers that must route trials through themselves for a while (and then
     * hand the previous top back).
     */
    void setTop(TrialBased top);

    /** Every task whose trials this env runs: {@link #task()}, or each scheduled env's under a schedule of envs. */
    default java.util.List<TrialEnv> tasks() {
        return java.util.List.of(task());
    }
}
