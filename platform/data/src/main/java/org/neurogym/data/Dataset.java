package org.neurogym.data;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Rng;
import org.neurogym.api.TrialBased;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;
import org.neurogym.api.spi.EnvMaker;

/**
 * A supervised dataset over a trial-based task: batches of {@code batchSize} sequences of
 * {@code seqLen} steps, each sequence made of trials laid back to back (a trial may span two
 * batches: each row keeps its place inside its current trial from one batch to the next).
 * Inputs are the trials' observation matrices (float32, or uint8 for image observations), targets their ground truth (int64 for a
 * discrete action space, float32 with a trailing action dimension for a Box one). Time-major
 * {@code [seq, batch, features]} by default, batch-first on request.
 *
 * <p>Seeding: batch row {@code b} owns its own env, reset with {@link Rng#derive}{@code (seed, b)},
 * and nothing else draws random numbers; so a seed gives the same batches on every run and every
 * machine, whatever the number of threads.
 *
 * <p>Threads: the unit of parallel work is a <em>chunk</em>, a run of steps of every row long
 * enough to hold several trials (see {@link #chunkBatches()}): each thread fills a fixed range of
 * rows into the rows' own staging buffers (allocated by that thread, so no two threads write the
 * same cache line), with one hand-off per chunk rather than per batch; for time-major batches a
 * second hand-off interleaves the chunk into the output's layout, split by time ranges; the calling
 * thread then copies batch after batch out as contiguous blocks. With more than one thread
 * the rows' envs therefore run up to one chunk ahead of the batches returned. No allocation per
 * step (a new trial allocates what the task allocates for its facts).
 *
 * <p>The matrices are read from the outermost {@link TrialBased} env of the wrapper stack (see
 * {@link TrialBased#nearest}), so trial wrappers (noise, extra input channels, biased trials) are in
 * the data. A wrapper above them that changes observations step by step cannot be, and is refused.
 *
 * <p>On request a batch also carries, per step, a loss {@link LossMask mask} and {@code trial_start}
 * flags, and the facts of every trial that starts in it with the step where it starts
 * ({@link Builder#mask}, {@link Builder#trialStarts}, {@link Builder#trialFacts}).
 *
 * <p>Not thread-safe: one consumer calls {@link #next()}. Close it to stop its threads and close its envs.
 */
public final class Dataset implements AutoCloseable {
    private final String name;
    private final int batchSize;
    private final int seqLen;
    private final boolean batchFirst;
    private final long seed;
    private final int obSize;
    private final int actSize; // 0 for discrete
    private final int[] obShape;
    private final boolean bytes; // uint8 image observations: inputs are bytes, never widened
    private final Row[] rows;
    private final Workers workers;
    private final Batch batch;
    private final Workers.Job fillJob;
    private final Workers.Job interleaveJob; // time-major only
    // time-major only: the whole chunk in the output's layout, [step][row][features]; the workers
    // write it by time ranges, so next() copies one contiguous block per array
    private Object chunkOb; // float[], or byte[] for images
    private long[] chunkGt;
    private float[] chunkGv;
    private float[] chunkMask;
    private boolean[] chunkStarts;
    private final LossMask mask;
    private final boolean trialStarts;
    private final boolean trialFacts;
    private final int chunkBatches;
    private int chunkBatch; // the next batch of the current chunk to hand out; chunkBatches when it is used up
    private final ArrayOut batchOut;
    private List<TrialStart> lastTrials = List.of();
    private long batches;
    private boolean closed;

    /** Makes every row's env from {@code factory} (each call must return a new env). */
    public static Builder builder(Supplier<? extends Env> factory) {
        return new Builder(Objects.requireNonNull(factory, "factory"), null);
    }

    /** Makes every row's env as task {@code id} with {@code params} (the host's {@link EnvMaker}, e.g. {@code NeuroGym::make}). */
    public static Builder builder(EnvMaker maker, String id, Map<String, ?> params) {
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(id, "id");
        Map<String, ?> p = params == null ? Map.of() : params;
        return new Builder(() -> maker.make(id, p), null);
    }

    /**
     * Uses {@code env} as row 0. A batch of more than one row needs copies: give a factory with
     * {@link Builder#copies(Supplier)} (Java cannot copy an env by itself).
     */
    public static Builder builder(Env env) {
        return new Builder(null, Objects.requireNonNull(env, "env"));
    }

    /** Options of a {@link Dataset}. */
    public static final class Builder {
        private Supplier<? extends Env> factory;
        private final Env first;
        private int batchSize = 1;
        private int seqLen = 100;
        private boolean batchFirst;
        private Long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private LossMask mask;
        private boolean trialStarts;
        private boolean trialFacts;

        private Builder(Supplier<? extends Env> factory, Env first) {
            this.factory = factory;
            this.first = first;
        }

        /** Rows per batch (default 1). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** Steps per sequence (default 100). */
        public Builder seqLen(int seqLen) {
            if (seqLen < 1) throw new IllegalArgumentException("sequence length must be at least 1, got " + seqLen);
            this.seqLen = seqLen;
            return this;
        }

        /** {@code [batch, seq, features]} instead of {@code [seq, batch, features]}. */
        public Builder batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }

        /** The seed of every batch (default: one drawn from the clock, see {@link Dataset#seed()}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads filling the rows (default: the number of processors; 1 fills in the calling thread). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            this.threads = threads;
            return this;
        }

        /** Also fill a per-step loss weight ({@link Batch#mask()}); null for none (the default). */
        public Builder mask(LossMask mask) {
            this.mask = mask;
            return this;
        }

        /** Also fill per-step flags, true at the first step of every trial ({@link Batch#trialStarts()}). */
        public Builder trialStarts(boolean trialStarts) {
            this.trialStarts = trialStarts;
            return this;
        }

        /** Also record the facts of every trial that starts in a batch ({@link Batch#trials()}). */
        public Builder trialFacts(boolean trialFacts) {
            this.trialFacts = trialFacts;
            return this;
        }

        /** The factory of the rows' envs beyond the first, when the builder started from an env instance. */
        public Builder copies(Supplier<? extends Env> factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public Dataset build() {
            if (first != null && batchSize > 1 && factory == null) {
                throw new IllegalArgumentException("a batch of " + batchSize + " rows needs " + batchSize + " envs: give a factory "
                        + "of copies of " + first.name() + " with copies(...)");
            }
            long s = seed != null ? seed : Rng.derive(System.nanoTime(), System.identityHashCode(this));
            return new Dataset(this, s);
        }
    }

    /**
     * Refuses, before the other rows' envs and the batch arrays are made, a batch whose arrays
     * (inputs of {@code inputBytes} bytes a cell, targets of 4 or 8) would not fit in half the heap
     * or in one Java array.
     */
    static void requireBatchFits(int seqLen, int batchSize, int obSize, int inputBytes, int actSize) {
        long inputs = (long) seqLen * batchSize * obSize;
        long targets = (long) seqLen * batchSize * Math.max(actSize, 2); // int64 targets take two float cells
        long bytes = inputs * inputBytes + targets * Float.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (inputs > Integer.MAX_VALUE - 8 || targets > Integer.MAX_VALUE - 8 || bytes > heap / 2) {
            throw new IllegalArgumentException("a batch of " + seqLen + " steps x " + batchSize + " sequences x " + obSize
                    + " inputs needs " + bytes / (1 << 20) + " MB, more than half the heap (" + heap / (1 << 20)
                    + " MB): reduce the batch size or the sequence length (or the task's observation size)");
        }
    }

    private Dataset(Builder b, long seed) {
        this.batchSize = b.batchSize;
        this.seqLen = b.seqLen;
        this.batchFirst = b.batchFirst;
        this.seed = seed;
        this.mask = b.mask;
        this.trialStarts = b.trialStarts;
        this.trialFacts = b.trialFacts;
        this.rows = new Row[batchSize];
        int ob = -1;
        int[] shape = null;
        int act = -1;
        String n = null;
        try {
            for (int i = 0; i < batchSize; i++) {
                Env env = i == 0 && b.first != null ? b.first : b.factory.get();
                if (env == null) throw new NeuroGymException("the env factory returned null for row " + i);
                Row row = new Row(i, env, mask, trialFacts, trialStarts);
                rows[i] = row;
                if (i == 0) {
                    n = env.name();
                    ob = row.obSize;
                    act = row.actSize;
                    shape = row.obShape;
                    requireBatchFits(seqLen, batchSize, ob, row.bytes ? 1 : Float.BYTES, act);
                } else if (row.obSize != ob || row.actSize != act || !Arrays.equals(row.obShape, shape)) {
                    throw new NeuroGymException("the env factory made envs of different spaces: row 0 has " + ob
                            + " inputs, row " + i + " has " + row.obSize);
                }
                row.start(Rng.derive(seed, i));
            }
        } catch (RuntimeException e) {
            closeEnvs();
            throw e;
        }
        this.name = n;
        this.obSize = ob;
        this.obShape = shape;
        this.bytes = rows[0].bytes;
        this.actSize = act;
        int parts = Math.min(b.threads, batchSize);
        this.workers = new Workers(parts, "neurogym-dataset");
        int steps = seqLen * batchSize;
        this.batch = new Batch(bytes ? null : new float[steps * obSize], bytes ? new byte[steps * obSize] : null,
                actSize == 0 ? new long[steps] : null, actSize == 0 ? null : new float[steps * actSize], inputShape(), targetShape(),
                mask != null ? new float[steps] : null, trialStarts ? new boolean[steps] : null);
        this.batchOut = new ArrayOut(batch.inputs(), batch.inputBytes(), batch.targets(), batch.targetVectors(), batch.mask(), batch.trialStarts());
        int valuesPerStep = (bytes ? (obSize + 3) / 4 : obSize) + Math.max(actSize, 2) + (mask != null ? 1 : 0) + (trialStarts ? 1 : 0);
        this.chunkBatches = parts == 1 ? 1 : chunkBatches(seqLen, batchSize, valuesPerStep, meanFirstTrial(rows));
        this.chunkBatch = chunkBatches;
        int chunkSteps = chunkBatches * seqLen;
        this.fillJob = part -> {
            int to = workers.from(part + 1, batchSize);
            for (int r = workers.from(part, batchSize); r < to; r++) rows[r].fill(chunkSteps);
        };
        this.interleaveJob = part -> interleave(workers.from(part, chunkSteps), workers.from(part + 1, chunkSteps));
        if (!batchFirst) allocateChunk(chunkSteps);
    }

    private void allocateChunk(int chunkSteps) {
        int cells = chunkSteps * batchSize;
        chunkOb = bytes ? new byte[cells * obSize] : new float[cells * obSize];
        if (actSize == 0) chunkGt = new long[cells];
        else chunkGv = new float[cells * actSize];
        if (mask != null) chunkMask = new float[cells];
        if (trialStarts) chunkStarts = new boolean[cells];
    }

    /** Steps of every row per chunk: at least this many, so that a hand-off between threads is rare. */
    static final int MIN_CHUNK_STEPS = 2048;
    /** ... and at least this many trials of the average length, so that rows' work evens out within a chunk. */
    static final int MIN_CHUNK_TRIALS = 16;
    /** Staging never holds more than this many values (4 bytes each), whatever the chunk length asks. */
    static final long MAX_STAGED_VALUES = 8L << 20;

    /**
     * Batches per chunk when more than one thread fills: enough steps per row to hold
     * {@value #MIN_CHUNK_TRIALS} trials of the rows' first trials' mean length (the work unit is
     * sized by the task's trial length) and at least {@value #MIN_CHUNK_STEPS} steps, within the
     * staging budget of {@value #MAX_STAGED_VALUES} values.
     */
    static int chunkBatches(int seqLen, int batchSize, int valuesPerStep, double meanTrial) {
        long want = Math.max(MIN_CHUNK_STEPS, (long) Math.ceil(MIN_CHUNK_TRIALS * meanTrial));
        long batchesWanted = (want + seqLen - 1) / seqLen;
        long affordable = MAX_STAGED_VALUES / ((long) seqLen * batchSize * valuesPerStep);
        return (int) Math.max(1, Math.min(batchesWanted, affordable));
    }

    private static double meanFirstTrial(Row[] rows) {
        double sum = 0;
        for (Row r : rows) sum += r.len;
        return sum / rows.length;
    }

    // ------------------------------------------------------------------ shape

    /** The task's name (of the first row's env). */
    public String name() {
        return name;
    }

    public int batchSize() {
        return batchSize;
    }

    public int seqLen() {
        return seqLen;
    }

    public boolean batchFirst() {
        return batchFirst;
    }

    /** The seed the batches derive from (the one drawn from the clock when none was given). */
    public long seed() {
        return seed;
    }

    /** Input features per step: the outermost env's observation size. */
    public int observationSize() {
        return obSize;
    }

    /** Action size of a Box action space, 0 for a discrete one. */
    public int actionSize() {
        return actSize;
    }

    /** True when targets are discrete actions (int64). */
    public boolean discrete() {
        return actSize == 0;
    }

    /** Threads filling a batch (including the caller's). */
    public int threads() {
        return workers.parts();
    }

    /** Batches filled per hand-off to the threads (1 on one thread); the rows' envs run this far ahead at most. */
    public int chunkBatches() {
        return chunkBatches;
    }

    /** {@code [seq, batch, obs]} or {@code [batch, seq, obs]}. */
    public int[] inputShape() {
        int[] out = new int[2 + obShape.length]; // an image observation is height, width, 3
        out[0] = batchFirst ? batchSize : seqLen;
        out[1] = batchFirst ? seqLen : batchSize;
        System.arraycopy(obShape, 0, out, 2, obShape.length);
        return out;
    }

    /** {@code [seq, batch]} or {@code [batch, seq]}, plus the action size for Box actions. */
    public int[] targetShape() {
        int a = batchFirst ? batchSize : seqLen;
        int c = batchFirst ? seqLen : batchSize;
        return actSize == 0 ? new int[] {a, c} : new int[] {a, c, actSize};
    }

    /** Batches produced so far. */
    public long batches() {
        return batches;
    }

    // ------------------------------------------------------------------ batches

    /** The next batch, in buffers this dataset reuses: read or copy it before the next call. */
    public Batch next() {
        fill(batchOut);
        batch.trials(lastTrials);
        return batch;
    }

    /** True when the inputs are uint8 images ({@link Batch#inputBytes()}), false for float32 ({@link Batch#inputs()}). */
    public boolean uint8() {
        return bytes;
    }

    /** Fills the next batch into your arrays (discrete action space); a mask and trial starts go to {@link #next()}'s batch. */
    public void next(float[] inputs, long[] targets) {
        nextInto(inputs, inputs.length, false, targets, null);
    }

    /** Fills the next batch into your arrays (Box action space); a mask and trial starts go to {@link #next()}'s batch. */
    public void next(float[] inputs, float[] targets) {
        nextInto(inputs, inputs.length, false, null, targets);
    }

    /** Fills the next batch of uint8 image inputs into your arrays (discrete action space). */
    public void next(byte[] inputs, long[] targets) {
        nextInto(inputs, inputs.length, true, targets, null);
    }

    /** Fills the next batch of uint8 image inputs into your arrays (Box action space). */
    public void next(byte[] inputs, float[] targets) {
        nextInto(inputs, inputs.length, true, null, targets);
    }

    private void nextInto(Object inputs, int inputLength, boolean byteInputs, long[] targets, float[] vectors) {
        if (byteInputs != bytes) {
            throw new IllegalStateException(name + (bytes ? " observes uint8 images: pass byte[] inputs" : " observes float32: pass float[] inputs"));
        }
        if (targets == null && actSize == 0) throw new IllegalStateException(name + " has a discrete action space: pass long[] targets");
        if (vectors == null && actSize != 0) throw new IllegalStateException(name + " has a Box action space: pass float[] targets");
        int steps = seqLen * batchSize;
        checkLength("inputs", inputLength, steps * obSize);
        checkLength("targets", targets != null ? targets.length : vectors.length, steps * Math.max(actSize, 1));
        fill(new ArrayOut(bytes ? null : (float[]) inputs, bytes ? (byte[]) inputs : null, targets, vectors, batch.mask(), batch.trialStarts()));
        batch.trials(lastTrials);
    }

    /** Direct buffers sized for this dataset's batches (with a mask and trial starts if it makes them). */
    public BatchBuffers directBuffers() {
        return buffersOver(null);
    }

    private BatchBuffers buffersOver(ByteBuffer memory) {
        int steps = seqLen * batchSize;
        int inputBytes = bytes ? 1 : Float.BYTES;
        return actSize == 0 ? new BatchBuffers(memory, steps * obSize, inputBytes, steps, 8, mask != null, trialStarts, steps)
                : new BatchBuffers(memory, steps * obSize, inputBytes, steps * actSize, 4, mask != null, trialStarts, steps);
    }

    /**
     * Fills the next batch into {@code memory}, direct memory laid out as {@link #directBuffers()}
     * (offsets and {@link BatchBuffers#size()} from it), e.g. a new numpy array's lent for this call:
     * the caller owns the memory and every batch can live in its own.
     */
    public void next(ByteBuffer memory) {
        next(buffersOver(memory));
    }

    /** Fills the next batch straight into {@code out} (made by {@link #directBuffers()}): nothing is copied afterwards. */
    public void next(BatchBuffers out) {
        int steps = seqLen * batchSize;
        checkLength("inputs buffer", out.inputs().capacity() / (bytes ? 1 : 4), steps * obSize);
        checkLength("targets buffer", out.targets().capacity() / (actSize == 0 ? 8 : 4), steps * Math.max(actSize, 1));
        if (mask != null && (out.mask() == null || out.mask().capacity() < steps * 4)) throw new IllegalArgumentException("the buffers have no room for the mask");
        if (trialStarts && (out.trialStarts() == null || out.trialStarts().capacity() < steps)) {
            throw new IllegalArgumentException("the buffers have no room for the trial starts");
        }
        fill(new BufferOut(out, bytes, actSize == 0));
    }

    /**
     * Fills the next batch into new direct memory (a fresh {@link #directBuffers()}) and returns that
     * memory: one call per batch for a caller that keeps every batch without copying it.
     */
    public ByteBuffer nextDirect() {
        BatchBuffers out = directBuffers();
        next(out);
        return out.memory();
    }

    /** The trials that started in the last batch, by row then step (empty unless {@link Builder#trialFacts}). */
    public List<TrialStart> trials() {
        return lastTrials;
    }

    private static void checkLength(String what, int length, int needed) {
        if (length < needed) throw new IllegalArgumentException(what + " need " + needed + " elements, got " + length);
    }

    /** Hands a new chunk to the threads when the current one is used up, then copies one batch out of it. */
    private void fill(Out out) {
        if (closed) throw new IllegalStateException("the dataset of " + name + " is closed");
        if (chunkBatch == chunkBatches) {
            for (Row r : rows) r.trials.clear();
            workers.run(fillJob);
            if (!batchFirst) workers.run(interleaveJob);
            chunkBatch = 0;
        }
        int from = chunkBatch * seqLen;
        if (batchFirst) copyRows(from, out);
        else copyBlock(from, out);
        if (trialFacts) collectTrials(from);
        chunkBatch++;
        batches++;
    }

    /** The trials that start in steps {@code [from, from + seqLen)} of the chunk, by row then step. */
    private void collectTrials(int from) {
        List<TrialStart> all = new ArrayList<>();
        for (Row r : rows) {
            for (TrialStart t : r.trials) {
                if (t.step() >= from && t.step() < from + seqLen) all.add(new TrialStart(t.row(), t.step() - from, t.facts()));
            }
        }
        lastTrials = Collections.unmodifiableList(all);
    }

    /** Batch-first: row {@code b} of the output is steps {@code [from, from + seqLen)} of row b's staging buffers. */
    private void copyRows(int from, Out out) {
        int obs = obSize;
        int act = actSize;
        for (int b = 0; b < batchSize; b++) {
            Row row = rows[b];
            int at = b * seqLen;
            out.inputs(at * obs, row.stageOb, from * obs, seqLen * obs);
            if (act == 0) out.targets(at, row.stageGt, from, seqLen);
            else out.targetVectors(at * act, row.stageGv, from * act, seqLen * act);
            if (row.stageMask != null) out.mask(at, row.stageMask, from, seqLen);
            if (row.stageStarts != null) out.trialStarts(at, row.stageStarts, from, seqLen);
        }
    }

    /**
     * Time-major, in the workers: steps {@code [from, to)} of the chunk, each interleaving that step
     * of every row's staging buffers into the chunk's output layout. Split by time ranges, the
     * threads write disjoint contiguous stretches (no shared cache lines but at the seams).
     */
    private void interleave(int from, int to) {
        int obs = obSize;
        int act = actSize;
        int rowsN = batchSize;
        for (int step = from; step < to; step++) {
            int at = step * rowsN;
            for (int b = 0; b < rowsN; b++) {
                Row row = rows[b];
                int cell = at + b;
                if (bytes) {
                    System.arraycopy(row.stageOb, step * obs, chunkOb, cell * obs, obs);
                } else {
                    float[] src = (float[]) row.stageOb;
                    float[] dst = (float[]) chunkOb;
                    int s = step * obs;
                    int d = cell * obs;
                    for (int c = 0; c < obs; c++) dst[d + c] = src[s + c]; // a few channels: a loop beats arraycopy's set-up
                }
                if (act == 0) {
                    chunkGt[cell] = row.stageGt[step];
                } else {
                    System.arraycopy(row.stageGv, step * act, chunkGv, cell * act, act);
                }
                if (chunkMask != null) chunkMask[cell] = row.stageMask[step];
                if (chunkStarts != null) chunkStarts[cell] = row.stageStarts[step];
            }
        }
    }

    /** Time-major: the batch is steps {@code [from, from + seqLen)} of the interleaved chunk, one contiguous block per array. */
    private void copyBlock(int from, Out out) {
        int cells = seqLen * batchSize;
        int at = from * batchSize;
        out.inputs(0, chunkOb, at * obSize, cells * obSize);
        if (actSize == 0) out.targets(0, chunkGt, at, cells);
        else out.targetVectors(0, chunkGv, at * actSize, cells * actSize);
        if (chunkMask != null) out.mask(0, chunkMask, at, cells);
        if (chunkStarts != null) out.trialStarts(0, chunkStarts, at, cells);
    }

    // ------------------------------------------------------------------ where a batch is copied

    /** The destination of a batch; indices are elements of the flat arrays of {@link Batch}. */
    private abstract static class Out {
        /** {@code src} is the row's float[] or, for uint8 images, byte[] staging. */
        abstract void inputs(int at, Object src, int from, int n);

        abstract void targets(int at, long[] src, int from, int n);

        abstract void targetVectors(int at, float[] src, int from, int n);

        abstract void mask(int at, float[] src, int from, int n);

        abstract void trialStarts(int at, boolean[] src, int from, int n);
    }

    /** Heap arrays: a {@link Batch} or a caller's arrays. */
    private static final class ArrayOut extends Out {
        final float[] inputs;
        final byte[] inputBytes;
        final long[] targets;
        final float[] vectors;
        final float[] mask;
        final boolean[] starts;

        ArrayOut(float[] inputs, byte[] inputBytes, long[] targets, float[] vectors, float[] mask, boolean[] starts) {
            this.inputs = inputs;
            this.inputBytes = inputBytes;
            this.targets = targets;
            this.vectors = vectors;
            this.mask = mask;
            this.starts = starts;
        }

        @Override
        void inputs(int at, Object src, int from, int n) {
            if (inputs == null) {
                System.arraycopy(src, from, inputBytes, at, n);
            } else if (n < 32) { // a time-major step of a few channels: a loop beats arraycopy's set-up
                float[] s = (float[]) src;
                float[] d = inputs;
                for (int c = 0; c < n; c++) d[at + c] = s[from + c];
            } else {
                System.arraycopy(src, from, inputs, at, n);
            }
        }

        @Override
        void targets(int at, long[] src, int from, int n) {
            if (n == 1) targets[at] = src[from];
            else System.arraycopy(src, from, targets, at, n);
        }

        @Override
        void targetVectors(int at, float[] src, int from, int n) {
            System.arraycopy(src, from, vectors, at, n);
        }

        @Override
        void mask(int at, float[] src, int from, int n) {
            System.arraycopy(src, from, mask, at, n);
        }

        @Override
        void trialStarts(int at, boolean[] src, int from, int n) {
            System.arraycopy(src, from, starts, at, n);
        }
    }

    /** Direct buffers ({@link BatchBuffers}), written with absolute puts (no position state shared between threads). */
    private static final class BufferOut extends Out {
        final FloatBuffer inputs;
        final ByteBuffer inputBytes;
        final LongBuffer targets;
        final FloatBuffer vectors;
        final FloatBuffer mask;
        final ByteBuffer starts;

        BufferOut(BatchBuffers b, boolean bytes, boolean discrete) {
            this.inputs = bytes ? null : b.inputs().asFloatBuffer();
            this.inputBytes = bytes ? b.inputs() : null;
            this.targets = discrete ? b.targets().asLongBuffer() : null;
            this.vectors = discrete ? null : b.targets().asFloatBuffer();
            this.mask = b.mask() == null ? null : b.mask().asFloatBuffer();
            this.starts = b.trialStarts();
        }

        @Override
        void inputs(int at, Object src, int from, int n) {
            if (inputs == null) inputBytes.put(at, (byte[]) src, from, n);
            else inputs.put(at, (float[]) src, from, n);
        }

        @Override
        void targets(int at, long[] src, int from, int n) {
            targets.put(at, src, from, n);
        }

        @Override
        void targetVectors(int at, float[] src, int from, int n) {
            vectors.put(at, src, from, n);
        }

        @Override
        void mask(int at, float[] src, int from, int n) {
            mask.put(at, src, from, n);
        }

        @Override
        void trialStarts(int at, boolean[] src, int from, int n) {
            for (int i = 0; i < n; i++) starts.put(at + i, src[from + i] ? (byte) 1 : (byte) 0);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        workers.close();
        closeEnvs();
    }

    private void closeEnvs() {
        for (Row r : rows) {
            if (r != null) {
                try {
                    r.env.close();
                } catch (RuntimeException ignored) {
                    // closing the others matters more
                }
            }
        }
    }

    // ------------------------------------------------------------------ a row

    /** One batch row: its env, the trial matrices it reads, its place in the current trial and its staged chunk. */
    private static final class Row {
        final int index;
        final Env env;
        final TrialBased source;
        final int obSize;
        final int[] obShape;
        final boolean bytes;
        final int actSize;
        final LossMask lossMask;
        final boolean starts;
        final boolean factsWanted;
        final List<TrialStart> trials = new ArrayList<>(); // of the current chunk, steps counted from its start
        float[] ob;
        byte[] frames;
        int[] gt;
        float[] gtv;
        float[] trialMask;
        int len;
        int pos;
        // the steps of the current chunk, [step][features]; allocated by the thread that fills them
        Object stageOb; // float[], or byte[] for images
        long[] stageGt;
        float[] stageGv;
        float[] stageMask;
        boolean[] stageStarts;

        Row(int index, Env env, LossMask lossMask, boolean trialFacts, boolean starts) {
            this.index = index;
            this.env = env;
            this.source = TrialBased.nearest(env);
            this.lossMask = lossMask;
            this.starts = starts;
            this.factsWanted = trialFacts;
            TrialBased trials = source;
            if (trials == null) {
                throw new IllegalArgumentException(env.name() + " is not a trial-based task: a Dataset reads trial matrices "
                        + "(observations and ground truth of whole trials)");
            }
            if (!(env.observationSpace() instanceof Box box) || (box.shape().length != 1 && !box.isImage())) {
                throw new IllegalArgumentException(env.name() + ": a Dataset needs a 1-D Box or uint8 image observation space, got "
                        + env.observationSpace());
            }
            this.obSize = box.size();
            this.obShape = box.shape();
            this.bytes = box.isImage();
            int trialOb = trials.observationSpace() instanceof Box tb ? tb.size() : -1;
            if (trialOb != obSize) {
                throw new IllegalArgumentException(env.name() + ": a wrapper above the trial wrappers changes the observations step by "
                        + "step (" + trialOb + " -> " + obSize + " inputs); a Dataset reads whole-trial matrices and cannot include it. "
                        + "Use a trial wrapper or put this wrapper below the trial wrappers");
            }
            Space a = env.actionSpace();
            if (a instanceof Discrete) {
                this.actSize = 0;
            } else if (a instanceof Box box2 && box2.shape().length == 1) {
                this.actSize = box2.size();
            } else {
                throw new IllegalArgumentException(env.name() + ": unsupported action space " + a);
            }
        }

        /**
         * Fills the next {@code steps} steps of this row into its staging buffers, continuing the
         * current trial and starting new ones as needed. The first call allocates the buffers, in
         * the filling thread: its own allocation buffer, away from other threads' rows.
         */
        void fill(int steps) {
            if (stageOb == null) allocate(steps);
            int obs = obSize;
            int act = actSize;
            int t = 0;
            while (t < steps) {
                if (pos == len) nextTrial();
                int n = Math.min(steps - t, len - pos);
                System.arraycopy(bytes ? frames : ob, pos * obs, stageOb, t * obs, n * obs);
                if (act == 0) {
                    int[] g = gt;
                    long[] out = stageGt;
                    for (int i = 0; i < n; i++) out[t + i] = g[pos + i];
                } else {
                    System.arraycopy(gtv, pos * act, stageGv, t * act, n * act);
                }
                if (stageMask != null) System.arraycopy(trialMask, pos, stageMask, t, n);
                if (starts) {
                    for (int i = 0; i < n; i++) stageStarts[t + i] = pos + i == 0;
                }
                if (pos == 0 && factsWanted) {
                    trials.add(new TrialStart(index, t, Collections.unmodifiableMap(new LinkedHashMap<>(source.trial().asMap()))));
                }
                t += n;
                pos += n;
            }
        }

        private void allocate(int steps) {
            stageOb = bytes ? new byte[steps * obSize] : new float[steps * obSize];
            if (actSize == 0) stageGt = new long[steps];
            else stageGv = new float[steps * actSize];
            if (lossMask != null) stageMask = new float[steps];
            if (starts) stageStarts = new boolean[steps];
        }

        /** Resets the env with the row's seed; the trial the reset built is the row's first. */
        void start(long seed) {
            env.reset(seed);
            pos = 0;
            load();
        }

        void nextTrial() {
            source.newTrial(Map.of());
            pos = 0;
            load();
        }

        private void load() {
            TrialBased trials = source;
            if (!trials.hasGroundTruth()) {
                throw new IllegalArgumentException(env.name() + " has no supervised target: its trials set no ground truth, "
                        + "so it cannot make a Dataset");
            }
            len = trials.trialLength();
            int held;
            if (bytes) {
                frames = trials.trialFrames();
                held = frames == null ? 0 : frames.length;
            } else {
                ob = trials.trialObservations();
                held = ob == null ? 0 : ob.length;
            }
            if (len <= 0 || held < len * obSize) {
                throw new NeuroGymException(env.name() + ": trial observations hold " + held
                        + " values, a trial of " + len + " steps needs " + len * obSize);
            }
            if (actSize == 0) {
                gt = trials.trialGroundTruth();
                if (gt == null || gt.length < len) throw new NeuroGymException(env.name() + ": trial ground truth shorter than the trial");
            } else {
                gtv = trials.trialGroundTruthVector();
                if (gtv == null || gtv.length < len * actSize) {
                    throw new NeuroGymException(env.name() + ": trial ground-truth vectors shorter than the trial");
                }
            }
            if (lossMask != null) {
                if (trialMask == null || trialMask.length < len) trialMask = new float[Math.max(len, 2 * (trialMask == null ? 0 : trialMask.length))];
                lossMask.fill(trials.task(), len, trialMask);
            }
        }
    }
}
