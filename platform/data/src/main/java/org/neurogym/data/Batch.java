package org.neurogym.data;

import java.util.List;

/**
 * One batch of a {@link Dataset}: inputs and targets as flat arrays in the dataset's layout.
 *
 * <ul>
 *   <li>time-major (default): inputs {@code [seq][batch][obs]}, flat index {@code (t * batch + b) * obs + c};
 *       targets {@code [seq][batch]} (discrete) or {@code [seq][batch][act]} (Box actions);</li>
 *   <li>batch-first: inputs {@code [batch][seq][obs]}, index {@code (b * seq + t) * obs + c}; targets likewise.</li>
 * </ul>
 *
 * Discrete targets are {@link #targets()} (int64, as numpy's action dtype); Box targets are
 * {@link #targetVectors()} (float32). The arrays are refilled by the next batch unless you pass your own.
 */
public final class Batch {
    private final float[] inputs;
    private final byte[] inputBytes;
    private final long[] targets;
    private final float[] targetVectors;
    private final int[] inputShape;
    private final int[] targetShape;
    private final float[] mask;
    private final boolean[] trialStarts;
    private List<TrialStart> trials = List.of();

    Batch(float[] inputs, long[] targets, float[] targetVectors, int[] inputShape, int[] targetShape) {
        this(inputs, null, targets, targetVectors, inputShape, targetShape, null, null);
    }

    Batch(float[] inputs, byte[] inputBytes, long[] targets, float[] targetVectors, int[] inputShape, int[] targetShape, float[] mask,
            boolean[] trialStarts) {
        this.mask = mask;
        this.trialStarts = trialStarts;
        this.inputs = inputs;
        this.inputBytes = inputBytes;
        this.targets = targets;
        this.targetVectors = targetVectors;
        this.inputShape = inputShape;
        this.targetShape = targetShape;
    }

    /** float32 inputs, flat in the dataset's layout; null for a task observing uint8 images. */
    public float[] inputs() {
        return inputs;
    }

    /** uint8 image inputs ({@code [seq][batch][height][width][rgb]}, read with {@code & 0xFF}), or null for float32 ones. */
    public byte[] inputBytes() {
        return inputBytes;
    }

    /** int64 targets of a discrete action space, or null. */
    public long[] targets() {
        return targets;
    }

    /** float32 targets of a Box action space (trailing dimension: the action size), or null. */
    public float[] targetVectors() {
        return targetVectors;
    }

    /** float32 loss weights per step ({@code [seq][batch]} or {@code [batch][seq]}), or null without a {@link LossMask}. */
    public float[] mask() {
        return mask;
    }

    /** True at the first step of every trial, laid out as {@link #mask()}; null unless asked for. */
    public boolean[] trialStarts() {
        return trialStarts;
    }

    /** The trials that start in this batch, by row then step; empty unless the dataset records trial facts. */
    public List<TrialStart> trials() {
        return trials;
    }

    void trials(List<TrialStart> trials) {
        this.trials = trials;
    }

    /** {@code [seq, batch, obs]} or {@code [batch, seq, obs]}. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** {@code [seq, batch]} / {@code [batch, seq]}, with a trailing action size for Box actions. */
    public int[] targetShape() {
        return targetShape.clone();
    }
}
