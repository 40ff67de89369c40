package org.neurogym.data;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
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
 * Inputs are the trials' observation matrices (float32), targets their ground truth (int64 for a
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
 * same cache line), with one hand-off per chunk rather than per batch; the calling thread then
 * copies batch after batch out of the staging buffers into the output. With more than one thread
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
    private final Row[] rows;
    private final Workers workers;
    private final Batch batch;
    private final Workers.Job fillJob;
    private final int chunkBatches;
    private int chunkBatch; // the next batch of the current chunk to hand out; chunkBatches when it is used up
    private final LossMask mask;
    private final boolean trialStarts;
    private final boolean trialFacts;
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
        int act = -1;
        String n = null;
        try {
            for (int i = 0; i < batchSize; i++) {
                Env env = i == 0 && b.first != null ? b.first : b.factory.get();
                if (env == null) throw new NeuroGymException("the env factory returned null for row " + i);
                Row row = new Row(env, mask, trialStarts, trialFacts);
                rows[i] = row;
                if (i == 0) {
                    n = env.name();
                    ob = row.obSize;
                    act = row.actSize;
                } else if (row.obSize != ob || row.actSize != act) {
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
        this.actSize = act;
        int parts = Math.min(b.threads, batchSize);
        this.workers = new Workers(parts, "neurogym-dataset");
        int steps = seqLen * batchSize;
        this.batch = new Batch(new float[steps * obSize], actSize == 0 ? new long[steps] : null,
                actSize == 0 ? null : new float[steps * actSize], inputShape(), targetShape(),
                mask != null ? new float[steps] : null, trialStarts ? new boolean[steps] : null);
        this.chunkBatches = parts == 1 ? 1 : chunkBatches(seqLen, batchSize, obSize + Math.max(actSize, 2), meanFirstTrial(rows));
        this.chunkBatch = chunkBatches;
        int chunkSteps = chunkBatches * seqLen;
        this.fillJob = part -> {
            int to = workers.from(part + 1, batchSize);
            for (int r = workers.from(part, batchSize); r < to; r++) rows[r].fill(chunkSteps);
        };
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
        return batchFirst ? new int[] {batchSize, seqLen, obSize} : new int[] {seqLen, batchSize, obSize};
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
        fill(new ArrayOut(batch.inputs(), batch.targets(), batch.targetVectors(), batch.mask(), batch.trialStarts()));
        batch.trials(lastTrials);
        return batch;
    }

    /** Fills the next batch into your arrays (discrete action space); a mask and trial starts go to {@link #next()}'s batch. */
    public void next(float[] inputs, long[] targets) {
        if (actSize != 0) throw new IllegalStateException(name + " has a Box action space: pass float[] targets");
        checkLength("inputs", inputs.length, seqLen * batchSize * obSize);
        checkLength("targets", targets.length, seqLen * batchSize);
        fill(new ArrayOut(inputs, targets, null, batch.mask(), batch.trialStarts()));
        batch.trials(lastTrials);
    }

    /** Fills the next batch into your arrays (Box action space); a mask and trial starts go to {@link #next()}'s batch. */
    public void next(float[] inputs, float[] targets) {
        if (actSize == 0) throw new IllegalStateException(name + " has a discrete action space: pass long[] targets");
        checkLength("inputs", inputs.length, seqLen * batchSize * obSize);
        checkLength("targets", targets.length, seqLen * batchSize * actSize);
        fill(new ArrayOut(inputs, null, targets, batch.mask(), batch.trialStarts()));
        batch.trials(lastTrials);
    }

    /** Direct buffers sized for this dataset's batches (with a mask and trial starts if it makes them). */
    public BatchBuffers directBuffers() {
        return buffersOver(null);
    }

    private BatchBuffers buffersOver(ByteBuffer memory) {
        int steps = seqLen * batchSize;
        return actSize == 0 ? new BatchBuffers(memory, steps * obSize, steps, 8, mask != null, trialStarts, steps)
                : new BatchBuffers(memory, steps * obSize, steps * actSize, 4, mask != null, trialStarts, steps);
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
        checkLength("inputs buffer", out.inputs().capacity() / 4, steps * obSize);
        checkLength("targets buffer", out.targets().capacity() / (actSize == 0 ? 8 : 4), steps * Math.max(actSize, 1));
        if (mask != null && (out.mask() == null || out.mask().capacity() < steps * 4)) throw new IllegalArgumentException("the buffers have no room for the mask");
        if (trialStarts && (out.trialStarts() == null || out.trialStarts().capacity() < steps)) {
            throw new IllegalArgumentException("the buffers have no room for the trial starts");
        }
        fill(new BufferOut(out, actSize == 0));
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

    private void fill(Out out) {
        if (closed) throw new IllegalStateException("the dataset of " + name + " is closed");
        if (chunkBatch == chunkBatches) {
            for (Row r : rows) if (r.trials != null) r.trials.clear();
            workers.run(fillJob);
            chunkBatch = 0;
        }
        int from = chunkBatch * seqLen;
        if (batchFirst) copyRows(from, out);
        else transpose(from, out);
        if (trialFacts) collectTrials(from);
        chunkBatch++;
        batches++;
    }

    /** The trials whose first step is in steps {@code [from, from + seqLen)} of the current chunk, by row then step. */
    private void collectTrials(int from) {
        List<TrialStart> all = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            for (Row.Start s : rows[b].trials) {
                if (s.step() >= from && s.step() < from + seqLen) all.add(new TrialStart(b, s.step() - from, s.facts()));
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
            if (act == 0) {
                long[] gt = row.stageGt;
                for (int t = 0; t < seqLen; t++) out.target(at + t, gt[from + t]);
            } else {
                out.targetVectors(at * act, row.stageGv, from * act, seqLen * act);
            }
            if (row.stageMask != null) out.mask(at, row.stageMask, from, seqLen);
            if (row.stageStart != null) {
                for (int t = 0; t < seqLen; t++) out.trialStart(at + t, row.stageStart[from + t]);
            }
        }
    }

    /**
     * Time-major: step {@code t} of the output interleaves step {@code from + t} of every row's
     * staging buffers (the output is written in order; the rows are read as 16-odd parallel streams).
     */
    private void transpose(int from, Out out) {
        int obs = obSize;
        int act = actSize;
        int rowsN = batchSize;
        for (int t = 0; t < seqLen; t++) {
            int at = t * rowsN;
            int step = from + t;
            for (int b = 0; b < rowsN; b++) {
                Row row = rows[b];
                out.inputs((at + b) * obs, row.stageOb, step * obs, obs);
                if (act == 0) out.target(at + b, row.stageGt[step]);
                else out.targetVectors((at + b) * act, row.stageGv, step * act, act);
                if (row.stageMask != null) out.mask(at + b, row.stageMask, step, 1);
                if (row.stageStart != null) out.trialStart(at + b, row.stageStart[step]);
            }
        }
    }

    // ------------------------------------------------------------------ where a fill writes

    /** The destination of a fill; indices are elements of the flat arrays of {@link Batch}. */
    private abstract static class Out {
        abstract void inputs(int at, float[] src, int from, int n);

        abstract void target(int at, long action);

        abstract void targetVectors(int at, float[] src, int from, int n);

        abstract void mask(int at, float[] src, int from, int n);

        abstract void trialStart(int at, boolean start);
    }

    /** Heap arrays: a {@link Batch} or a caller's arrays. */
    private static final class ArrayOut extends Out {
        final float[] inputs;
        final long[] targets;
        final float[] vectors;
        final float[] mask;
        final boolean[] starts;

        ArrayOut(float[] inputs, long[] targets, float[] vectors, float[] mask, boolean[] starts) {
            this.inputs = inputs;
            this.targets = targets;
            this.vectors = vectors;
            this.mask = mask;
            this.starts = starts;
        }

        @Override
        void inputs(int at, float[] src, int from, int n) {
            System.arraycopy(src, from, inputs, at, n);
        }

        @Override
        void target(int at, long action) {
            targets[at] = action;
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
        void trialStart(int at, boolean start) {
            starts[at] = start;
        }
    }

    /** Direct buffers ({@link BatchBuffers}), written with absolute puts (no position state shared between threads). */
    private static final class BufferOut extends Out {
        final FloatBuffer inputs;
        final LongBuffer targets;
        final FloatBuffer vectors;
        final FloatBuffer mask;
        final ByteBuffer starts;

        BufferOut(BatchBuffers b, boolean discrete) {
            this.inputs = b.inputs().asFloatBuffer();
            this.targets = discrete ? b.targets().asLongBuffer() : null;
            this.vectors = discrete ? null : b.targets().asFloatBuffer();
            this.mask = b.mask() == null ? null : b.mask().asFloatBuffer();
            this.starts = b.trialStarts();
        }

        @Override
        void inputs(int at, float[] src, int from, int n) {
            inputs.put(at, src, from, n);
        }

        @Override
        void target(int at, long action) {
            targets.put(at, action);
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
        void trialStart(int at, boolean start) {
            starts.put(at, start ? (byte) 1 : (byte) 0);
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

    /** One batch row: its env, the trial matrices it reads and its place in the current trial. */
    private static final class Row {
        final Env env;
        final TrialBased source;
        final int obSize;
        final int actSize;
        final LossMask lossMask;
        final boolean starts;
        final List<Start> trials;
        float[] ob;
        int[] gt;
        float[] gtv;
        float[] trialMask;
        int len;
        int pos;
        float[] stageMask;
        boolean[] stageStart;

        /** A trial that starts at {@code step} of the current chunk. */
        record Start(int step, Map<String, Object> facts) {}
        // the steps of the current chunk, [step][features]; allocated by the thread that fills them
        float[] stageOb;
        long[] stageGt;
        float[] stageGv;

        Row(Env env, LossMask lossMask, boolean starts, boolean trialFacts) {
            this.env = env;
            this.source = TrialBased.nearest(env);
            this.lossMask = lossMask;
            this.starts = starts;
            this.trials = trialFacts ? new ArrayList<>() : null;
            TrialBased trials = source;
            if (trials == null) {
                throw new IllegalArgumentException(env.name() + " is not a trial-based task: a Dataset reads trial matrices "
                        + "(observations and ground truth of whole trials)");
            }
            if (!(env.observationSpace() instanceof Box box) || box.shape().length != 1) {
                throw new IllegalArgumentException(env.name() + ": a Dataset needs a 1-D Box observation space, got " + env.observationSpace());
            }
            this.obSize = box.size();
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
            if (stageOb == null) {
                stageOb = new float[steps * obSize];
                if (actSize == 0) stageGt = new long[steps];
                else stageGv = new float[steps * actSize];
                if (lossMask != null) stageMask = new float[steps];
                if (starts) stageStart = new boolean[steps];
            }
            int obs = obSize;
            int act = actSize;
            int t = 0;
            while (t < steps) {
                if (pos == len) nextTrial();
                int n = Math.min(steps - t, len - pos);
                System.arraycopy(ob, pos * obs, stageOb, t * obs, n * obs);
                if (act == 0) {
                    int[] g = gt;
                    long[] out = stageGt;
                    for (int i = 0; i < n; i++) out[t + i] = g[pos + i];
                } else {
                    System.arraycopy(gtv, pos * act, stageGv, t * act, n * act);
                }
                if (stageMask != null) System.arraycopy(trialMask, pos, stageMask, t, n);
                if (stageStart != null) {
                    for (int i = 0; i < n; i++) stageStart[t + i] = pos + i == 0;
                }
                if (pos == 0 && trials != null) trials.add(new Start(t, Collections.unmodifiableMap(new LinkedHashMap<>(source.trial().asMap()))));
                t += n;
                pos += n;
            }
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
            ob = trials.trialObservations();
            if (len <= 0 || ob == null || ob.length < len * obSize) {
                throw new NeuroGymException(env.name() + ": trial observations hold " + (ob == null ? 0 : ob.length)
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
