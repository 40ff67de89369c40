package org.neurogym.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;

class DatasetTest {

    private static Dataset pdm(int batch, int seq, boolean batchFirst, long seed, int threads) {
        return Dataset.builder(Fixtures::pdm).batchSize(batch).seqLen(seq).batchFirst(batchFirst).seed(seed).threads(threads).build();
    }

    @Test
    void timeMajorShapesAndTypes() {
        try (Dataset ds = pdm(16, 100, false, 3, 2)) {
            assertArrayEquals(new int[] {100, 16, 3}, ds.inputShape());
            assertArrayEquals(new int[] {100, 16}, ds.targetShape());
            assertTrue(ds.discrete());
            Batch b = ds.next();
            assertEquals(100 * 16 * 3, b.inputs().length);
            assertEquals(100 * 16, b.targets().length);
            assertNull(b.targetVectors());
            assertArrayEquals(new int[] {100, 16, 3}, b.inputShape());
            // fixation input is 1 during fixation and stimulus, targets are actions of Discrete(3)
            for (long t : b.targets()) assertTrue(t >= 0 && t < 3);
            assertEquals(1f, b.inputs()[0]); // step 0, row 0, fixation channel
        }
    }

    @Test
    void batchFirstIsTheTransposeOfTimeMajor() {
        try (Dataset tm = pdm(5, 30, false, 7, 1); Dataset bf = pdm(5, 30, true, 7, 1)) {
            assertArrayEquals(new int[] {5, 30, 3}, bf.inputShape());
            assertArrayEquals(new int[] {5, 30}, bf.targetShape());
            for (int k = 0; k < 3; k++) {
                Batch a = tm.next();
                Batch b = bf.next();
                for (int row = 0; row < 5; row++) {
                    for (int t = 0; t < 30; t++) {
                        assertEquals(a.targets()[t * 5 + row], b.targets()[row * 30 + t]);
                        for (int c = 0; c < 3; c++) {
                            assertEquals(a.inputs()[(t * 5 + row) * 3 + c], b.inputs()[(row * 30 + t) * 3 + c]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void boxActionTargetsHaveATrailingDimension() {
        try (Dataset ds = Dataset.builder(Fixtures.Ramp::new).batchSize(4).seqLen(10).seed(1).threads(2).build()) {
            assertTrue(!ds.discrete());
            assertArrayEquals(new int[] {10, 4, 2}, ds.targetShape());
            Batch b = ds.next();
            assertNull(b.targets());
            assertEquals(10 * 4 * 2, b.targetVectors().length);
            // target = (trial index, step) and the inputs carry the same two values
            for (int i = 0; i < 40; i++) {
                assertEquals(b.inputs()[i * 3], b.targetVectors()[i * 2]);
                assertEquals(b.inputs()[i * 3 + 1], b.targetVectors()[i * 2 + 1]);
            }
        }
        try (Dataset ds = Dataset.builder(Fixtures.Ramp::new).batchSize(3).seqLen(8).batchFirst(true).seed(1).build()) {
            assertArrayEquals(new int[] {3, 8, 2}, ds.targetShape());
        }
    }

    /** Concatenating a row over successive batches gives trials back to back: every trial whole, in order. */
    @Test
    void trialsContinueAcrossBatchBoundaries() {
        int batches = 9;
        int seq = 7; // shorter than most trials: nearly every trial spans a boundary
        try (Dataset ds = Dataset.builder(Fixtures.Ramp::new).batchSize(3).seqLen(seq).seed(11).threads(3).build();
                Dataset whole = Dataset.builder(Fixtures.Ramp::new).batchSize(3).seqLen(seq * batches).seed(11).threads(1).build()) {
            float[][] stream = new float[3][seq * batches * 3];
            for (int k = 0; k < batches; k++) {
                Batch b = ds.next();
                for (int row = 0; row < 3; row++) {
                    for (int t = 0; t < seq; t++) {
                        System.arraycopy(b.inputs(), (t * 3 + row) * 3, stream[row], (k * seq + t) * 3, 3);
                    }
                }
            }
            Batch w = whole.next();
            for (int row = 0; row < 3; row++) {
                int expectedIndex = 0;
                int expectedStep = 0;
                for (int t = 0; t < seq * batches; t++) {
                    float index = stream[row][t * 3];
                    float step = stream[row][t * 3 + 1];
                    if (step == 0 && t > 0) {
                        expectedIndex++;
                        expectedStep = 0;
                    }
                    assertEquals(expectedIndex, index, "row " + row + " t " + t);
                    assertEquals(expectedStep, step, "row " + row + " t " + t);
                    expectedStep++;
                    for (int c = 0; c < 3; c++) assertEquals(w.inputs()[(t * 3 + row) * 3 + c], stream[row][t * 3 + c]);
                }
                assertTrue(expectedIndex >= 6, "several trials should span the run, got " + expectedIndex);
            }
        }
    }

    /** Row b is exactly what stepping an env reset with Rng.derive(seed, b) shows, observation after observation. */
    @Test
    void rowsMatchSteppingTheEnvWithTheRowSeed() {
        int seq = 50;
        try (Dataset ds = pdm(4, seq, true, 42, 2)) {
            Batch first = ds.next();
            Batch second = new Batch(new float[seq * 4 * 3], new long[seq * 4], null, null, null);
            ds.next(second.inputs(), second.targets());
            for (int row = 0; row < 4; row++) {
                try (Env env = Fixtures.pdm()) {
                    float[] ob = env.reset(Rng.derive(42, row)).clone();
                    TrialBased tb = TrialBased.nearest(env);
                    for (int t = 0; t < 2 * seq; t++) {
                        Batch b = t < seq ? first : second;
                        int at = row * seq + (t % seq);
                        int gt = tb.trialGroundTruth()[tb.stepIndex()];
                        assertEquals(gt, b.targets()[at], "row " + row + " t " + t);
                        for (int c = 0; c < 3; c++) assertEquals(ob[c], b.inputs()[at * 3 + c], "row " + row + " t " + t);
                        StepResult r = env.step(gt);
                        ob = r.observation().clone();
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameBatchesWhateverTheThreads() {
        long[][] targets = new long[3][];
        float[][] inputs = new float[3][];
        int[] threads = {1, 2, 8};
        for (int i = 0; i < 3; i++) {
            try (Dataset ds = pdm(16, 40, false, 5, threads[i])) {
                assertEquals(Math.min(threads[i], 16), ds.threads());
                float[] in = new float[0];
                long[] tg = new long[0];
                for (int k = 0; k < 4; k++) {
                    Batch b = ds.next();
                    in = concat(in, b.inputs());
                    tg = concat(tg, b.targets());
                }
                inputs[i] = in;
                targets[i] = tg;
            }
        }
        assertArrayEquals(inputs[0], inputs[1]);
        assertArrayEquals(inputs[0], inputs[2]);
        assertArrayEquals(targets[0], targets[1]);
        assertArrayEquals(targets[0], targets[2]);
        try (Dataset other = pdm(16, 40, false, 6, 2)) {
            assertNotEquals(Arrays.hashCode(Arrays.copyOf(inputs[0], 16 * 40 * 3)), Arrays.hashCode(other.next().inputs()));
        }
    }

    @Test
    void chunksOfManyBatchesGiveTheSameBytesAsOneThreadInEveryLayout() {
        for (boolean batchFirst : new boolean[] {false, true}) {
            byte[] one = null;
            for (int threads : new int[] {1, 2, 3, 8}) {
                try (Dataset ds = pdm(7, 30, batchFirst, 21, threads)) {
                    assertEquals(threads == 1 ? 1 : Dataset.chunkBatches(30, 7, 5, meanTrial(ds)), ds.chunkBatches());
                    // past two chunk boundaries of the threaded datasets
                    int batches = 2 * Dataset.chunkBatches(30, 7, 5, meanTrial(ds)) + 3;
                    byte[] all = new byte[0];
                    float[] in = new float[30 * 7 * 3];
                    long[] tg = new long[30 * 7];
                    for (int k = 0; k < batches; k++) {
                        if (k % 2 == 0) {
                            Batch b = ds.next();
                            all = concat(all, bytes(b.inputs(), b.targets()));
                        } else {
                            ds.next(in, tg);
                            all = concat(all, bytes(in, tg));
                        }
                    }
                    if (one == null) one = all;
                    else assertArrayEquals(one, all, "threads " + threads + (batchFirst ? ", batch-first" : ", time-major"));
                }
            }
        }
        float[] oneThread = null;
        for (int threads : new int[] {1, 2}) {
            try (Dataset ds = Dataset.builder(Fixtures.Ramp::new).batchSize(4).seqLen(10).seed(1).threads(threads).build()) {
                float[] all = new float[0];
                for (int k = 0; k < 3 * Math.max(ds.chunkBatches(), 1) + 1; k++) all = concat(all, ds.next().targetVectors());
                if (oneThread == null) oneThread = all;
                else assertArrayEquals(Arrays.copyOf(oneThread, Math.min(oneThread.length, all.length)),
                        Arrays.copyOf(all, Math.min(oneThread.length, all.length)));
            }
        }
    }

    @Test
    void chunksHoldManyTrialsWithinTheStagingBudget() {
        // short trials: the minimum number of steps; long trials: sixteen trials' worth
        assertEquals((Dataset.MIN_CHUNK_STEPS + 99) / 100, Dataset.chunkBatches(100, 16, 5, 20));
        assertEquals((int) Math.ceil(Dataset.MIN_CHUNK_TRIALS * 500.0 / 100), Dataset.chunkBatches(100, 16, 5, 500));
        // a batch bigger than the staging budget is filled one batch per hand-off
        assertEquals(1, Dataset.chunkBatches(1000, 4096, 40, 20));
        long budgetBatches = Dataset.MAX_STAGED_VALUES / (1000L * 64 * 40);
        assertEquals(budgetBatches, Dataset.chunkBatches(1000, 64, 40, 20));
    }

    private static double meanTrial(Dataset ds) {
        // the same envs, made again: each row's first trial as the dataset saw it
        double sum = 0;
        for (int b = 0; b < ds.batchSize(); b++) {
            Env env = Fixtures.pdm();
            env.reset(Rng.derive(ds.seed(), b));
            sum += TrialBased.nearest(env).trialLength();
        }
        return sum / ds.batchSize();
    }

    private static byte[] bytes(float[] in, long[] tg) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(in.length * 4 + tg.length * 8);
        for (float f : in) buf.putFloat(f);
        for (long l : tg) buf.putLong(l);
        return buf.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void rowsAreIndependentStreams() {
        try (Dataset ds = pdm(2, 200, true, 9, 1)) {
            Batch b = ds.next();
            float[] r0 = Arrays.copyOfRange(b.inputs(), 0, 600);
            float[] r1 = Arrays.copyOfRange(b.inputs(), 600, 1200);
            assertTrue(!Arrays.equals(r0, r1));
        }
    }

    @Test
    void trialWrappersAreInTheData() {
        try (Dataset ds = Dataset.builder(() -> new Fixtures.ExtraChannel(Fixtures.pdm())).batchSize(2).seqLen(30).seed(1).batchFirst(true).build()) {
            assertEquals(4, ds.observationSize());
            Batch b = ds.next();
            for (int t = 0; t < 30; t++) assertEquals((t % 22) * 10f, b.inputs()[t * 4 + 3], "t " + t);
        }
    }

    @Test
    void stepLevelObservationWrappersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.builder(() -> new Fixtures.StepChannel(Fixtures.pdm())).batchSize(1).build());
        assertTrue(e.getMessage().contains("3 -> 4"), e.getMessage());
    }

    @Test
    void taskWithoutGroundTruthIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.builder(Fixtures.NoTarget::new).batchSize(2).build());
        assertTrue(e.getMessage().startsWith("NoTarget has no supervised target"), e.getMessage());
    }

    @Test
    void fromAnInstanceNeedsCopiesForMoreThanOneRow() {
        Env env = Fixtures.pdm();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.builder(env).batchSize(4).build());
        assertTrue(e.getMessage().contains("copies"), e.getMessage());
        try (Dataset ds = Dataset.builder(env).batchSize(4).copies(Fixtures::pdm).seed(3).threads(1).build();
                Dataset fromFactory = pdm(4, 100, false, 3, 1)) {
            assertArrayEquals(fromFactory.next().inputs(), ds.next().inputs());
        }
    }

    @Test
    void fromATaskIdThroughAMaker() {
        try (Dataset ds = Dataset.builder((id, p) -> PerceptualDecisionMaking.DESCRIPTOR.create(p), "PerceptualDecisionMaking-v0",
                Map.of("dim_ring", 4)).batchSize(2).seqLen(5).seed(0).build()) {
            assertArrayEquals(new int[] {5, 2, 5}, ds.inputShape());
        }
    }

    @Test
    void badSizesNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.builder(Fixtures::pdm).batchSize(0))
                .getMessage().contains("batch size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.builder(Fixtures::pdm).seqLen(-1))
                .getMessage().contains("sequence length"));
        try (Dataset ds = pdm(2, 10, false, 0, 1)) {
            assertThrows(IllegalArgumentException.class, () -> ds.next(new float[5], new long[20]));
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
