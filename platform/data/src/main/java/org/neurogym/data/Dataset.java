package org.neurogym.data;

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
 * <p>Not thread-safe: one consumer calls {@link #next()}. Close it to stop its threads and close its envs.
 */
public final class Dataset implements AutoCloseable {
    private final String name;
    private final int batchSize;
    private final int seqLen;
    private final boolean batchFirst;
    private final long seed;
    private final int obSize;
    private final int[] obShape;
    private final boolean bytes; // uint8 image observations: inputs are bytes, never widened
    private final int actSize; // 0 for discrete
    private final Row[] rows;
    private final Workers workers;
    private final Batch batch;
    private final Workers.Job fillJob;
    private final int chunkBatches;
    private int chunkBatch; // the next batch of the current chunk to hand out; chunkBatches when it is used up
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
        this.rows = new Row[batchSize];
        int ob = -1;
        int[] shape = null;
        int act = -1;
        String n = null;
        try {
            for (int i = 0; i < batchSize; i++) {
                Env env = i == 0 && b.first != null ? b.first : b.factory.get();
                if (env == null) throw new NeuroGymException("the env factory returned null for row " + i);
                Row row = new Row(env);
                rows[i] = row;
                if (i == 0) {
                    n = env.name();
                    ob = row.obSize;
                    act = row.actSize;
                    shape = row.obShape;
                } else if (row.obSize != ob || row.actSize != act || !java.util.Arrays.equals(row.obShape, shape)) {
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
        this.batch = new Batch(bytes ? null : new float[seqLen * batchSize * obSize],
                bytes ? new byte[seqLen * batchSize * obSize] : null, actSize == 0 ? new long[seqLen * batchSize] : null,
                actSize == 0 ? null : new float[seqLen * batchSize * actSize], inputShape(), targetShape());
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
        fill(bytes ? batch.inputBytes() : batch.inputs(), batch.targets(), batch.targetVectors());
        return batch;
    }

    /** True when the inputs are uint8 images ({@link Batch#inputBytes()}), false for float32 ({@link Batch#inputs()}). */
    public boolean uint8() {
        return bytes;
    }

    /** Fills the next batch of uint8 image inputs into your arrays (discrete action space). */
    public void next(byte[] inputs, long[] targets) {
        if (!bytes) throw new IllegalStateException(name + " observes float32: pass float[] inputs");
        if (actSize != 0) throw new IllegalStateException(name + " has a Box action space: pass float[] targets");
        fill(inputs, targets, null);
    }

    /** Fills the next batch of uint8 image inputs into your arrays (Box action space). */
    public void next(byte[] inputs, float[] targets) {
        if (!bytes) throw new IllegalStateException(name + " observes float32: pass float[] inputs");
        if (actSize == 0) throw new IllegalStateException(name + " has a discrete action space: pass long[] targets");
        fill(inputs, null, targets);
    }

    /** Fills the next batch into your arrays (discrete action space). */
    public void next(float[] inputs, long[] targets) {
        if (bytes) throw new IllegalStateException(name + " observes uint8 images: pass byte[] inputs");
        if (actSize != 0) throw new IllegalStateException(name + " has a Box action space: pass float[] targets");
        fill(inputs, targets, null);
    }

    /** Fills the next batch into your arrays (Box action space). */
    public void next(float[] inputs, float[] targets) {
        if (bytes) throw new IllegalStateException(name + " observes uint8 images: pass byte[] inputs");
        if (actSize == 0) throw new IllegalStateException(name + " has a discrete action space: pass long[] targets");
        fill(inputs, null, targets);
    }

    private void fill(Object inputs, long[] targets, float[] vectors) {
        if (closed) throw new IllegalStateException("the dataset of " + name + " is closed");
        int n = seqLen * batchSize;
        int length = inputs instanceof byte[] in ? in.length : ((float[]) inputs).length;
        if (length < n * obSize) throw new IllegalArgumentException("inputs need " + (n * obSize) + " elements, got " + length);
        if (targets != null && targets.length < n) throw new IllegalArgumentException("targets need " + n + " elements, got " + targets.length);
        if (vectors != null && vectors.length < n * actSize) {
            throw new IllegalArgumentException("targets need " + (n * actSize) + " elements, got " + vectors.length);
        }
        if (chunkBatch == chunkBatches) {
            workers.run(fillJob);
            chunkBatch = 0;
        }
        int from = chunkBatch * seqLen;
        if (batchFirst) copyRows(from, inputs, targets, vectors);
        else transpose(from, inputs, targets, vectors);
        chunkBatch++;
        batches++;
    }

    /** Batch-first: row {@code b} of the output is steps {@code [from, from + seqLen)} of row b's staging buffers. */
    private void copyRows(int from, Object inputs, long[] targets, float[] vectors) {
        int obs = obSize;
        int act = actSize;
        for (int b = 0; b < batchSize; b++) {
            Row row = rows[b];
            int at = b * seqLen;
            System.arraycopy(row.stageOb, from * obs, inputs, at * obs, seqLen * obs);
            if (act == 0) {
                long[] gt = row.stageGt;
                for (int t = 0; t < seqLen; t++) targets[at + t] = gt[from + t];
            } else {
                System.arraycopy(row.stageGv, from * act, vectors, at * act, seqLen * act);
            }
        }
    }

    /**
     * Time-major: step {@code t} of the output interleaves step {@code from + t} of every row's
     * staging buffers (the output is written in order; the rows are read as 16-odd parallel streams).
     */
    private void transpose(int from, Object inputs, long[] targets, float[] vectors) {
        int obs = obSize;
        int act = actSize;
        int rowsN = batchSize;
        for (int t = 0; t < seqLen; t++) {
            int out = t * rowsN;
            int step = from + t;
            for (int b = 0; b < rowsN; b++) {
                Row row = rows[b];
                int dst = (out + b) * obs;
                int src = step * obs;
                if (inputs instanceof float[] in) {
                    float[] so = (float[]) row.stageOb;
                    for (int c = 0; c < obs; c++) in[dst + c] = so[src + c];
                } else {
                    System.arraycopy(row.stageOb, src, inputs, dst, obs); // a frame of bytes
                }
                if (act == 0) {
                    targets[out + b] = row.stageGt[step];
                } else {
                    System.arraycopy(row.stageGv, step * act, vectors, (out + b) * act, act);
                }
            }
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
        final TrialBased trials;
        final int obSize;
        final int[] obShape;
        final boolean bytes;
        final int actSize;
        float[] ob;
        byte[] frames;
        int[] gt;
        float[] gtv;
        int len;
        int pos;
        // the steps of the current chunk, [step][features]; allocated by the thread that fills them
        Object stageOb; // float[], or byte[] for images
        long[] stageGt;
        float[] stageGv;

        Row(Env env) {
            this.env = env;
            this.trials = TrialBased.nearest(env);
            if (trials == null) {
                throw new IllegalArgumentException(env.name() + " is not a trial-based task: a Dataset reads trial matrices "
                        + "(observations and ground truth of whole trials)");
            }
            if (!(env.observationSpace() instanceof Box box) || (box.shape().length != 1 && box.dtype() != Box.DType.UINT8)) {
                throw new IllegalArgumentException(env.name() + ": a Dataset needs a 1-D Box or uint8 image observation space, got "
                        + env.observationSpace());
            }
            this.obSize = box.size();
            this.obShape = box.shape();
            this.bytes = box.dtype() == Box.DType.UINT8;
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
                stageOb = bytes ? new byte[steps * obSize] : new float[steps * obSize];
                if (actSize == 0) stageGt = new long[steps];
                else stageGv = new float[steps * actSize];
            }
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
            trials.newTrial(Map.of());
            pos = 0;
            load();
        }

        private void load() {
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
        }
    }
}
