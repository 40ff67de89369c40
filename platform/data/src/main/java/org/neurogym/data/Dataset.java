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
 * machine, whatever the number of threads. Rows are filled in parallel, each row by one thread,
 * with no allocation per step (a new trial allocates what the task allocates for its facts).
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
    private final Workers.Job transposeJob;
    private final LossMask mask;
    private final boolean trialStarts;
    private final boolean trialFacts;
    private Out fillOut;
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
     * (inputs and targets, 4 or 8 bytes a cell) would not fit in half the heap or in one Java array.
     */
    static void requireBatchFits(int seqLen, int batchSize, int obSize, int actSize) {
        long inputs = (long) seqLen * batchSize * obSize;
        long targets = (long) seqLen * batchSize * Math.max(actSize, 2); // int64 targets take two float cells
        long bytes = (inputs + targets) * Float.BYTES;
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
        int act = -1;
        String n = null;
        try {
            for (int i = 0; i < batchSize; i++) {
                Env env = i == 0 && b.first != null ? b.first : b.factory.get();
                if (env == null) throw new NeuroGymException("the env factory returned null for row " + i);
                Row row = new Row(env, mask, trialFacts);
                rows[i] = row;
                if (i == 0) {
                    n = env.name();
                    ob = row.obSize;
                    act = row.actSize;
                    requireBatchFits(seqLen, batchSize, ob, act);
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
        this.fillJob = part -> {
            int to = workers.from(part + 1, batchSize);
            for (int r = workers.from(part, batchSize); r < to; r++) fillRow(r);
        };
        this.transposeJob = part -> transpose(workers.from(part, seqLen), workers.from(part + 1, seqLen));
        if (!batchFirst) {
            for (Row r : rows) r.stage(seqLen, mask != null, trialStarts);
        }
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
        fillOut = out;
        try {
            workers.run(fillJob);
            if (!batchFirst) workers.run(transposeJob);
        } finally {
            fillOut = null;
        }
        if (trialFacts) collectTrials();
        batches++;
    }

    private void collectTrials() {
        List<TrialStart> all = new ArrayList<>();
        for (Row r : rows) {
            all.addAll(r.trials);
            r.trials.clear();
        }
        lastTrials = Collections.unmodifiableList(all);
    }

    /**
     * Fills row {@code b} of the current batch, contiguous {@code [seq][features]} from the given
     * offsets: straight into the output when batch-first, into the row's staging buffers when
     * time-major (rows interleave there, and threads writing neighbouring rows step by step would
     * fight over cache lines). The row's env continues where the previous batch left it.
     */
    private void fillRow(int b) {
        Row row = rows[b];
        Out out = batchFirst ? fillOut : row.staging;
        int base = batchFirst ? b * seqLen : 0;
        int obs = obSize;
        int act = actSize;
        int t = 0;
        while (t < seqLen) {
            if (row.pos == row.len) row.nextTrial();
            int n = Math.min(seqLen - t, row.len - row.pos);
            int pos = row.pos;
            int at = base + t;
            out.inputs(at * obs, row.ob, pos * obs, n * obs);
            if (act == 0) {
                int[] gt = row.gt;
                for (int i = 0; i < n; i++) out.target(at + i, gt[pos + i]);
            } else {
                out.targetVectors(at * act, row.gtv, pos * act, n * act);
            }
            if (row.trialMask != null) out.mask(at, row.trialMask, pos, n);
            if (trialStarts) {
                for (int i = 0; i < n; i++) out.trialStart(at + i, pos + i == 0);
            }
            if (pos == 0 && trialFacts) row.trials.add(new TrialStart(b, t, Collections.unmodifiableMap(new LinkedHashMap<>(row.source.trial().asMap()))));
            t += n;
            row.pos = pos + n;
        }
    }

    /** Time-major only: copies steps {@code [from, to)} of every row's staging buffers into the output. */
    private void transpose(int from, int to) {
        Out out = fillOut;
        int obs = obSize;
        int act = actSize;
        int rowsN = batchSize;
        for (int t = from; t < to; t++) {
            int at = t * rowsN;
            for (int b = 0; b < rowsN; b++) {
                ArrayOut so = rows[b].staging;
                out.inputs((at + b) * obs, so.inputs, t * obs, obs);
                if (act == 0) out.target(at + b, so.targets[t]);
                else out.targetVectors((at + b) * act, so.vectors, t * act, act);
                if (so.mask != null) out.mask(at + b, so.mask, t, 1);
                if (so.starts != null) out.trialStart(at + b, so.starts[t]);
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

    /** Heap arrays: a {@link Batch}, a caller's arrays, or a row's staging buffers. */
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
        final List<TrialStart> trials;
        float[] ob;
        int[] gt;
        float[] gtv;
        float[] trialMask;
        int len;
        int pos;
        ArrayOut staging;

        Row(Env env, LossMask lossMask, boolean trialFacts) {
            this.env = env;
            this.source = TrialBased.nearest(env);
            this.lossMask = lossMask;
            this.trials = trialFacts ? new ArrayList<>() : List.of();
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

        void stage(int seqLen, boolean mask, boolean starts) {
            staging = new ArrayOut(new float[seqLen * obSize], actSize == 0 ? new long[seqLen] : null,
                    actSize == 0 ? null : new float[seqLen * actSize], mask ? new float[seqLen] : null, starts ? new boolean[seqLen] : null);
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
