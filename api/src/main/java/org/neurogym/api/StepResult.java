package org.neurogym.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one step returns: the next observation, the reward, the end flags and the info entries
 * of the reference ({@code new_trial}, {@code gt}, {@code performance}, {@code trial}).
 *
 * <p>Each env owns one instance and refills it on every step, so stepping allocates nothing;
 * read it (or copy what you keep) before the next step. Entries beyond the standard ones go
 * into {@link #info()}, created on first use.
 *
 * <p>An env with a uint8 observation space ({@link org.neurogym.api.space.Box#uint8Image}) writes
 * its observation as bytes into {@link #observationBytes()}; {@link #observation()} then widens
 * them to floats only when asked, so stepping a pixel task copies bytes and nothing else.
 */
public final class StepResult {
    private final float[] observation;
    private final byte[] observationBytes;
    private boolean widened = true;
    private final float[] groundTruthVector;
    private double reward;
    private boolean terminated;
    private boolean truncated;
    private boolean newTrial;
    private boolean hasGroundTruth;
    private int groundTruth;
    private double performance;
    private Trial trial;
    private boolean observationProvided;
    private Map<String, Object> info;

    /**
     * @param observationSize the length of the observation
     * @param actionSize the length of a continuous action, or 0 for a discrete action space
     */
    public StepResult(int observationSize, int actionSize) {
        this(observationSize, actionSize, false);
    }

    private StepResult(int observationSize, int actionSize, boolean bytes) {
        this.observation = new float[observationSize];
        this.observationBytes = bytes ? new byte[observationSize] : null;
        this.groundTruthVector = actionSize > 0 ? new float[actionSize] : null;
    }

    /** The step result of an env whose observations are {@code observationSize} uint8 values (see {@link #observationBytes()}). */
    public static StepResult ofBytes(int observationSize, int actionSize) {
        return new StepResult(observationSize, actionSize, true);
    }

    /** Clears every field but the observation buffer, at the start of a step. */
    public void clear() {
        reward = 0;
        terminated = false;
        truncated = false;
        newTrial = false;
        hasGroundTruth = false;
        groundTruth = 0;
        performance = 0;
        trial = null;
        observationProvided = false;
        if (info != null && !info.isEmpty()) info.clear();
    }

    /** Copies everything from {@code other}; the observation only as far as both lengths go. */
    public void copyFrom(StepResult other) {
        if (observationBytes != null && other.observationBytes != null) {
            System.arraycopy(other.observationBytes, 0, observationBytes, 0, Math.min(observationBytes.length, other.observationBytes.length));
            widened = false;
        } else {
            System.arraycopy(other.observation(), 0, observation, 0, Math.min(observation.length, other.observation.length));
        }
        if (groundTruthVector != null && other.groundTruthVector != null) {
            System.arraycopy(other.groundTruthVector, 0, groundTruthVector, 0,
                    Math.min(groundTruthVector.length, other.groundTruthVector.length));
        }
        reward = other.reward;
        terminated = other.terminated;
        truncated = other.truncated;
        newTrial = other.newTrial;
        hasGroundTruth = other.hasGroundTruth;
        groundTruth = other.groundTruth;
        performance = other.performance;
        trial = other.trial;
        observationProvided = other.observationProvided;
        if (info != null && !info.isEmpty()) info.clear();
        if (other.info != null && !other.info.isEmpty()) info().putAll(other.info);
    }

    /** The next step's observation (a buffer reused across steps); a uint8 observation widened to floats on request. */
    public float[] observation() {
        if (!widened) {
            byte[] b = observationBytes;
            float[] f = observation;
            for (int i = 0; i < b.length; i++) f[i] = b[i] & 0xFF;
            widened = true;
        }
        return observation;
    }

    /**
     * The next step's observation as uint8 values (read them with {@code & 0xFF}), a buffer reused
     * across steps; null unless the env's observation space is uint8. Whoever writes into it calls
     * {@link #observationBytesChanged()}.
     */
    public byte[] observationBytes() {
        return observationBytes;
    }

    /** Declares {@link #observationBytes()} rewritten, so that {@link #observation()} widens them again. */
    public void observationBytesChanged() {
        widened = false;
    }

    public double reward() {
        return reward;
    }

    public void setReward(double reward) {
        this.reward = reward;
    }

    public void addReward(double delta) {
        this.reward += delta;
    }

    /** Gymnasium's terminated: NeuroGym tasks run trial after trial and rarely set it. */
    public boolean terminated() {
        return terminated;
    }

    public void setTerminated(boolean terminated) {
        this.terminated = terminated;
    }

    public boolean truncated() {
        return truncated;
    }

    public void setTruncated(boolean truncated) {
        this.truncated = truncated;
    }

    /** True when this step ended the trial; {@link #performance()} and {@link #trial()} are then set. */
    public boolean newTrial() {
        return newTrial;
    }

    public void setNewTrial(boolean newTrial) {
        this.newTrial = newTrial;
    }

    /** True when the task has a ground truth for the step just taken. */
    public boolean hasGroundTruth() {
        return hasGroundTruth;
    }

    /** The ground-truth action of the step just taken (discrete action spaces). */
    public int groundTruth() {
        return groundTruth;
    }

    /** The ground-truth action of the step just taken (Box action spaces), or null for discrete ones. */
    public float[] groundTruthVector() {
        return groundTruthVector;
    }

    public void setGroundTruth(int groundTruth) {
        this.hasGroundTruth = true;
        this.groundTruth = groundTruth;
    }

    /** Marks the ground-truth vector as filled (write it through {@link #groundTruthVector()}). */
    public void markGroundTruthVector() {
        this.hasGroundTruth = true;
    }

    /** The performance of the trial that just ended (1 for a correct trial), when {@link #newTrial()}. */
    public double performance() {
        return performance;
    }

    public void setPerformance(double performance) {
        this.performance = performance;
    }

    /** The facts of the trial that starts with the returned observation, when {@link #newTrial()}. */
    public Trial trial() {
        return trial;
    }

    public void setTrial(Trial trial) {
        this.trial = trial;
    }

    /** True when a task wrote the observation itself during its step, instead of the trial matrix row. */
    public boolean observationProvided() {
        return observationProvided;
    }

    /** Declares that the step wrote {@link #observation()} itself. */
    public void provideObservation() {
        this.observationProvided = true;
    }

    /** Extra info entries (beyond the standard fields), created on first use. */
    public Map<String, Object> info() {
        if (info == null) info = new LinkedHashMap<>();
        return info;
    }

    /** Extra info entries without creating the map: empty when there are none. */
    public Map<String, Object> infoIfAny() {
        return info == null ? Map.of() : info;
    }
}
