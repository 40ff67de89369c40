package org.neurogym.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A batch's arrays in one block of direct (off-heap, native-order) memory, for callers that view
 * them in place without copying, e.g. numpy through JPype: {@link Dataset#next(BatchBuffers)} writes
 * each batch straight into them (the fill's last write is into this memory; nothing is copied after
 * it). Layout and element types are those of {@link Batch}: inputs float32 (uint8 for image tasks, {@link Dataset#uint8()}), targets int64 (discrete)
 * or float32 (Box actions), mask float32, trial starts one byte per step (0 or 1, numpy's bool), each
 * at its {@code ...Offset()} in {@link #memory()} (8-byte aligned).
 */
public final class BatchBuffers {
    private final ByteBuffer memory;
    private final ByteBuffer inputs;
    private final ByteBuffer targets;
    private final ByteBuffer mask;
    private final ByteBuffer trialStarts;
    private final int targetsOffset;
    private final int maskOffset;
    private final int trialStartsOffset;


    /** Over {@code given} memory (e.g. a numpy array's, lent for one call), or new memory when null. */
    BatchBuffers(ByteBuffer given, int inputCount, int bytesPerInput, int targetCount, int targetBytes, boolean mask, boolean trialStarts,
            int steps) {
        int inputBytes = inputCount * bytesPerInput;
        this.targetsOffset = align(inputBytes);
        int afterTargets = targetsOffset + targetCount * targetBytes;
        this.maskOffset = mask ? align(afterTargets) : -1;
        int afterMask = mask ? maskOffset + steps * 4 : afterTargets;
        this.trialStartsOffset = trialStarts ? align(afterMask) : -1;
        int total = trialStarts ? trialStartsOffset + steps : afterMask;
        if (given == null) {
            this.memory = ByteBuffer.allocateDirect(Math.max(total, 1)).order(ByteOrder.nativeOrder());
        } else {
            if (!given.isDirect() || given.capacity() < total) {
                throw new IllegalArgumentException("batch memory must be a direct buffer of at least " + total + " bytes, got "
                        + (given.isDirect() ? given.capacity() + " bytes" : "a heap buffer"));
            }
            this.memory = given.order(ByteOrder.nativeOrder());
        }
        this.inputs = slice(0, inputBytes);
        this.targets = slice(targetsOffset, targetCount * targetBytes);
        this.mask = mask ? slice(maskOffset, steps * 4) : null;
        this.trialStarts = trialStarts ? slice(trialStartsOffset, steps) : null;
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }

    private ByteBuffer slice(int offset, int length) {
        return memory.slice(offset, length).order(ByteOrder.nativeOrder());
    }

    /** Bytes the whole block needs. */
    public int size() {
        return trialStarts != null ? trialStartsOffset + trialStarts.capacity()
                : mask != null ? maskOffset + mask.capacity() : targetsOffset + targets.capacity();
    }

    /** The whole block: every array at its offset. */
    public ByteBuffer memory() {
        return memory;
    }

    /** float32 (or, for image tasks, uint8) inputs in the dataset's layout, at offset 0. */
    public ByteBuffer inputs() {
        return inputs;
    }

    /** int64 targets (discrete actions) or float32 targets (Box actions). */
    public ByteBuffer targets() {
        return targets;
    }

    public int targetsOffset() {
        return targetsOffset;
    }

    /** float32 loss weights, {@code [seq, batch]} or {@code [batch, seq]}; null without a mask. */
    public ByteBuffer mask() {
        return mask;
    }

    /** Offset of the mask in {@link #memory()}, -1 without one. */
    public int maskOffset() {
        return maskOffset;
    }

    /** One byte per step, 1 where a trial starts; null unless asked for. */
    public ByteBuffer trialStarts() {
        return trialStarts;
    }

    /** Offset of the trial starts in {@link #memory()}, -1 without them. */
    public int trialStartsOffset() {
        return trialStartsOffset;
    }
}
