package org.neurogym.api;

import java.util.Map;

/**
 * An env made of trials whose whole observation and ground-truth matrices exist when the trial
 * starts: a {@link TrialEnv} or a {@link TrialWrapper} over one. A supervised Dataset reads the
 * matrices directly; wrappers that change trials expose their changes here too.
 */
public interface TrialBased extends Env {

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
     * {@code t * observationSize}. Valid until the next trial starts. Only a {@link TrialWrapper}
     * may modify it, and only in its {@code newTrial} (e.g. adding noise), so that stepping and
     * datasets see the same trial.
     */
    float[] trialObservations();

    /**
     * The current trial's ground truth, one action per step (discrete action spaces), or null.
     * Like the observations, a trial wrapper may modify it in its {@code newTrial}.
     */
    int[] trialGroundTruth();

    /** The current trial's ground truth, flat {@code [step][actionSize]} (Box action spaces), or null. */
    float[] trialGroundTruthVector();

    /** True when the task defined a ground truth for the current trial. */
    boolean hasGroundTruth();

    /** The task under the wrappers. */
    TrialEnv task();
}
