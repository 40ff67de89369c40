package org.neurogym.api;

import java.util.Arrays;

/**
 * The observation and ground-truth matrices of the current trial of one {@link TrialEnv}: flat,
 * row-major primitive arrays, reused from trial to trial when large enough. Each matrix is built
 * (sized and filled with its starting value) the first time the trial writes to it; once either is
 * built the trial's length is fixed.
 */
final class TrialMatrices {
    private final TrialEnv owner;
    private int obSize;
    private int actionSize; // 0 for discrete actions

    private float[] ob = new float[0];
    private byte[] frames; // the observation matrix instead of ob when observations are uint8 images, else null
    private int[] gt = new int[0];
    private float[] gtVector = new float[0];
    private boolean obBuilt;
    private boolean gtBuilt;
    private boolean hasGt;
    private double defaultObValue;

    TrialMatrices(TrialEnv owner) {
        this.owner = owner;
    }

    void setSizes(int obSize, int actionSize) {
        this.obSize = obSize;
        this.actionSize = actionSize;
    }

    /** Observations are uint8 images: the trial's matrix is bytes ({@link #frames}), never floats. */
    void useFrames() {
        frames = new byte[0];
    }

    void setDefaultObValue(double value) {
        this.defaultObValue = value;
    }

    /** Starts a new trial: nothing written yet. */
    void clear() {
        obBuilt = false;
        gtBuilt = false;
    }

    /** True once the trial wrote an observation or a ground truth (its length is then fixed). */
    boolean written() {
        return obBuilt || gtBuilt;
    }

    /** Ends the trial's writing: the observation matrix always exists, the ground truth only if written. */
    void seal(int trialSteps) {
        buildOb(trialSteps);
        hasGt = gtBuilt;
    }

    boolean hasGroundTruth() {
        return hasGt;
    }

    // ------------------------------------------------------------------ observations

    float[] ob(int trialSteps) {
        requireFloats();
        buildOb(trialSteps);
        return ob;
    }

    /** The frames of a trial with uint8 image observations, built (zero: black) on first use. */
    byte[] frames(int trialSteps) {
        if (frames == null) throw new NeuroGymException(owner.name() + " observes floats, not uint8 frames: write ob() instead");
        buildOb(trialSteps);
        return frames;
    }

    /** The frames as they stand, or null for float observations. */
    byte[] frames() {
        return frames;
    }

    private void requireFloats() {
        if (frames != null) throw new NeuroGymException(owner.name() + " observes uint8 frames: draw them into frames()");
    }

    /** The observation matrix as it stands (for readers after the trial was built). */
    float[] ob() {
        return ob;
    }

    /**
     * Writes {@code scalar} (or {@code vec}, one value per target column) over steps {@code from} ..
     * {@code to} of columns {@code cols} (null: every column), replacing or adding.
     */
    void write(int trialSteps, int from, int to, int[] cols, double scalar, double[] vec, boolean replace) {
        requireFloats();
        buildOb(trialSteps);
        int width = cols == null ? obSize : cols.length;
        if (vec != null && vec.length != width) {
            throw new NeuroGymException(owner.name() + ": observation value has " + vec.length + " elements, the target has " + width);
        }
        for (int i = 0; i < width; i++) {
            int c = cols == null ? i : cols[i];
            if (c < 0 || c >= obSize) throw new NeuroGymException("observation index " + c + " outside 0.." + (obSize - 1));
        }
        if (vec == null && (cols == null || cols.length == 1)) {
            writeScalar(from, to, cols == null ? -1 : cols[0], (float) scalar, replace);
            return;
        }
        for (int t = from; t < to; t++) {
            int row = t * obSize;
            for (int i = 0; i < width; i++) {
                int c = cols == null ? i : cols[i];
                float v = (float) (vec == null ? scalar : vec[i]);
                if (replace) ob[row + c] = v;
                else ob[row + c] += v;
            }
        }
    }

    /**
     * The common case of {@link #write}, one value into one column ({@code col}) or every column
     * ({@code col} -1), without the general loop's per-element choices: tasks write a few of these
     * per new trial, over every step of a period.
     */
    private void writeScalar(int from, int to, int col, float v, boolean replace) {
        if (from >= to) return;
        if (col < 0) {
            int a = from * obSize;
            int b = to * obSize;
            if (replace) {
                Arrays.fill(ob, a, b, v);
            } else {
                for (int i = a; i < b; i++) ob[i] += v;
            }
        } else if (replace) {
            for (int i = from * obSize + col, end = to * obSize; i < end; i += obSize) ob[i] = v;
        } else {
            for (int i = from * obSize + col, end = to * obSize; i < end; i += obSize) ob[i] += v;
        }
    }

    /** Adds N(mu, sigma) noise over steps {@code from} .. {@code to} of columns {@code cols} (null: all), row by row. */
    void addNoise(int trialSteps, int from, int to, int[] cols, double mu, double sigma, Rng rng) {
        requireFloats();
        buildOb(trialSteps);
        for (int t = from; t < to; t++) {
            int row = t * obSize;
            if (cols == null) {
                for (int c = 0; c < obSize; c++) ob[row + c] += (float) (mu + rng.gaussian() * sigma);
            } else {
                for (int c : cols) ob[row + c] += (float) (mu + rng.gaussian() * sigma);
            }
        }
    }

    /** Puts step {@code t}'s observation into {@code out}: a frame's bytes as they are, or the float row. */
    void copyObservation(int t, StepResult out) {
        if (frames != null) {
            System.arraycopy(frames, t * obSize, out.observationBytes(), 0, obSize);
            out.observationBytesChanged();
        } else {
            System.arraycopy(ob, t * obSize, out.observation(), 0, obSize);
        }
    }

    private void buildOb(int trialSteps) {
        if (obBuilt) return;
        int n = cells(trialSteps, obSize, "observations");
        if (frames != null) {
            if (frames.length < n) frames = new byte[Math.max(n, frames.length * 2)];
            Arrays.fill(frames, 0, n, (byte) 0);
            obBuilt = true;
            return;
        }
        if (ob.length < n) ob = new float[Math.max(n, ob.length * 2)];
        Arrays.fill(ob, 0, n, (float) defaultObValue);
        obBuilt = true;
    }

    /**
     * The cells of a matrix of {@code width} columns for a trial of {@code trialSteps}, refused with
     * a one-line error (rather than an overflowed size or an OutOfMemoryError) when it cannot fit
     * in half the heap.
     */
    /** The most cells one trial matrix may hold: half the heap, read once (a native call costs more than building a short trial row). */
    private static final long MAX_CELLS = Math.min(Runtime.getRuntime().maxMemory() / 2 / Float.BYTES, Integer.MAX_VALUE - 8);

    private int cells(int trialSteps, int width, String what) {
        long cells = (long) trialSteps * width;
        if (cells > MAX_CELLS) {
            long heap = Runtime.getRuntime().maxMemory();
            throw new NeuroGymException(owner.taskId() + ": a trial of " + trialSteps + " steps x " + width + " " + what
                    + " needs " + cells * Float.BYTES / (1 << 20) + " MB, more than half the heap (" + heap / (1 << 20)
                    + " MB); shorten the timing, raise dt or shrink the task");
        }
        return (int) cells;
    }

    // ------------------------------------------------------------------ ground truth

    void setGroundTruth(int trialSteps, int action, int from, int to) {
        requireDiscrete();
        buildGt(trialSteps);
        Arrays.fill(gt, from, to, action);
    }

    void setGroundTruth(int trialSteps, double[] action, int from, int to) {
        if (actionSize == 0) throw new NeuroGymException(owner.name() + " has a discrete action space: set an integer ground truth");
        if (action.length != actionSize) {
            throw new NeuroGymException(owner.name() + ": ground truth has " + action.length + " elements, actions have " + actionSize);
        }
        buildGt(trialSteps);
        for (int t = from; t < to; t++) {
            for (int i = 0; i < actionSize; i++) gtVector[t * actionSize + i] = (float) action[i];
        }
    }

    int groundTruthAt(int t) {
        return gt[t];
    }

    float[] groundTruthVectors(int trialSteps) {
        buildGt(trialSteps);
        return gtVector;
    }

    /** The discrete ground truth, or null (Box actions, or none this trial). */
    int[] groundTruth() {
        return actionSize == 0 && hasGt ? gt : null;
    }

    /** The vector ground truth, or null (discrete actions, or none this trial). */
    float[] groundTruthVector() {
        return actionSize > 0 && hasGt ? gtVector : null;
    }

    /** Reports step {@code t}'s ground truth in {@code out} unless the task already did. */
    void reportGroundTruth(int t, StepResult out) {
        if (!hasGt || out.hasGroundTruth()) return;
        if (actionSize == 0) {
            out.setGroundTruth(gt[t]);
        } else {
            System.arraycopy(gtVector, t * actionSize, out.groundTruthVector(), 0, actionSize);
            out.markGroundTruthVector();
        }
    }

    private void requireDiscrete() {
        if (actionSize > 0) throw new NeuroGymException(owner.name() + " has a Box action space: set a vector ground truth");
    }

    private void buildGt(int trialSteps) {
        if (gtBuilt) return;
        if (actionSize == 0) {
            if (gt.length < trialSteps) gt = new int[Math.max(trialSteps, gt.length * 2)];
            Arrays.fill(gt, 0, trialSteps, 0);
        } else {
            int n = cells(trialSteps, actionSize, "ground-truth actions");
            if (gtVector.length < n) gtVector = new float[Math.max(n, gtVector.length * 2)];
            Arrays.fill(gtVector, 0, n, 0f);
        }
        gtBuilt = true;
    }
}
