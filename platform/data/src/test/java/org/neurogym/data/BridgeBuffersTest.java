package org.neurogym.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.InvalidActionException;
import org.neurogym.api.StepResult;

/** The direct-memory doors used by the Python package: EnvBuffers, VectorBuffers, Dataset into direct memory. */
class BridgeBuffersTest {

    @Test
    void envBuffersMirrorEveryStep() {
        Env plain = Fixtures.pdm();
        try (EnvBuffers b = new EnvBuffers(Fixtures.pdm())) {
            float[] first = plain.reset(5);
            b.reset(5);
            assertArrayEquals(first, floats(b.observation(), 3));
            boolean sawTrialEnd = false;
            for (int t = 0; t < 200; t++) {
                StepResult r = plain.step(t % 3);
                int flags = b.step(t % 3);
                assertArrayEquals(r.observation(), floats(b.observation(), 3));
                assertEquals(r.reward(), b.scalars().getDouble(EnvBuffers.REWARD * 8));
                assertEquals(r.newTrial(), (flags & EnvBuffers.NEW_TRIAL) != 0);
                assertEquals(r.hasGroundTruth(), (flags & EnvBuffers.HAS_GROUND_TRUTH) != 0);
                assertEquals(r.groundTruth(), (int) b.scalars().getDouble(EnvBuffers.GROUND_TRUTH * 8));
                if (r.newTrial()) {
                    sawTrialEnd = true;
                    assertEquals(r.performance(), b.scalars().getDouble(EnvBuffers.PERFORMANCE * 8));
                    assertEquals(r.trial().asMap(), b.trial().asMap());
                }
            }
            assertTrue(sawTrialEnd);
            assertThrows(InvalidActionException.class, () -> b.step(7));
        }
    }

    @Test
    void envBuffersTakeBoxActionsFromTheirActionBuffer() {
        try (EnvBuffers b = new EnvBuffers(new Fixtures.Ramp())) {
            b.reset(1);
            b.action().putFloat(0, 2.5f).putFloat(4, 0f);
            int flags = b.stepBox();
            assertEquals(2.5, b.scalars().getDouble(0));
            assertTrue((flags & EnvBuffers.HAS_GROUND_TRUTH) != 0);
            assertEquals(0f, b.groundTruthVector().getFloat(0)); // trial index 0
        }
    }

    @Test
    void vectorBuffersHoldTheVectorEnvsResults() {
        try (VectorEnv plain = VectorEnv.builder(() -> new Fixtures.Truncate(Fixtures.pdm(), 13)).copies(4).seed(2).build();
             VectorBuffers b = new VectorBuffers(VectorEnv.builder(() -> new Fixtures.Truncate(Fixtures.pdm(), 13)).copies(4).threads(2).build())) {
            plain.reset(2);
            b.reset(2);
            assertArrayEquals(plain.observations(), floats(b.observations(), 12));
            int[] actions = new int[4];
            int resets = 0;
            for (int t = 0; t < 60; t++) {
                for (int i = 0; i < 4; i++) {
                    actions[i] = (t + i) % 3;
                    b.actions().putInt(i * 4, actions[i]);
                }
                plain.step(actions);
                resets += b.step();
                assertArrayEquals(plain.observations(), floats(b.observations(), 12));
                for (int i = 0; i < 4; i++) {
                    assertEquals(plain.rewards()[i], b.rewards().getDouble(i * 8));
                    assertEquals(plain.newTrials()[i], b.newTrials().get(i) == 1);
                    assertEquals(plain.truncated()[i], b.truncated().get(i) == 1);
                    assertEquals(plain.resets()[i], b.resets().get(i) == 1);
                    assertEquals(plain.groundTruth()[i], b.groundTruth().getInt(i * 4));
                }
            }
            assertTrue(resets > 0, "the truncating wrapper must have reset copies");
        }
    }

    @Test
    void nextStepAutoresetReturnsTheLastObservationThenResets() {
        try (VectorEnv v = VectorEnv.builder(() -> new Fixtures.Truncate(Fixtures.pdm(), 5)).copies(2)
                .autoreset(VectorEnv.Autoreset.NEXT_STEP).build()) {
            v.reset(1);
            for (int t = 0; t < 4; t++) v.step(new int[] {0, 0});
            v.step(new int[] {0, 0});
            assertTrue(v.truncated()[0]);
            assertFalse(v.resets()[0], "next-step mode does not reset in the step that ends the episode");
            v.step(new int[] {2, 2});
            assertTrue(v.resets()[0]);
            assertEquals(0.0, v.rewards()[0]);
            assertFalse(v.truncated()[0]);
        }
        try (VectorEnv v = VectorEnv.builder(() -> new Fixtures.Truncate(Fixtures.pdm(), 5)).copies(1)
                .autoreset(VectorEnv.Autoreset.DISABLED).build()) {
            v.reset(1);
            for (int t = 0; t < 12; t++) {
                v.step(new int[] {0});
                assertFalse(v.resets()[0]);
            }
        }
    }

    @Test
    void datasetFillsDirectMemoryExactlyAsArrays() {
        for (boolean batchFirst : new boolean[] {false, true}) {
            try (Dataset arrays = Dataset.builder(Fixtures::pdm).batchSize(5).seqLen(40).batchFirst(batchFirst).seed(8).threads(2)
                    .mask(LossMask.yang19()).trialStarts(true).build();
                 Dataset direct = Dataset.builder(Fixtures::pdm).batchSize(5).seqLen(40).batchFirst(batchFirst).seed(8).threads(1)
                    .mask(LossMask.yang19()).trialStarts(true).build()) {
                for (int k = 0; k < 3; k++) {
                    Batch a = arrays.next();
                    ByteBuffer memory = k == 1 ? ByteBuffer.allocateDirect(direct.directBuffers().size()) : direct.nextDirect();
                    if (k == 1) direct.next(memory);
                    BatchBuffers layout = direct.directBuffers();
                    memory.order(ByteOrder.nativeOrder());
                    for (int i = 0; i < 200; i++) {
                        assertEquals(a.targets()[i], memory.getLong(layout.targetsOffset() + i * 8));
                        assertEquals(a.mask()[i], memory.getFloat(layout.maskOffset() + i * 4));
                        assertEquals(a.trialStarts()[i], memory.get(layout.trialStartsOffset() + i) == 1);
                    }
                    for (int i = 0; i < 600; i++) assertEquals(a.inputs()[i], memory.getFloat(i * 4));
                }
            }
        }
        try (Dataset ds = Dataset.builder(Fixtures::pdm).batchSize(2).seqLen(10).seed(1).build()) {
            assertThrows(IllegalArgumentException.class, () -> ds.next(ByteBuffer.allocateDirect(16)));
            assertThrows(IllegalArgumentException.class, () -> ds.next(ByteBuffer.allocate(10_000)));
        }
    }

    @Test
    void trialStartsAndFactsMarkEveryTrial() {
        try (Dataset ds = Dataset.builder(Fixtures.Ramp::new).batchSize(3).seqLen(25).batchFirst(true).seed(4)
                .trialStarts(true).trialFacts(true).build()) {
            for (int k = 0; k < 4; k++) {
                Batch b = ds.next();
                List<TrialStart> trials = b.trials();
                int flagged = 0;
                for (int i = 0; i < 75; i++) {
                    // Ramp's input channel 1 is the step within the trial: 0 exactly where a trial starts
                    assertEquals(b.inputs()[i * 3 + 1] == 0f, b.trialStarts()[i]);
                    if (b.trialStarts()[i]) flagged++;
                }
                assertEquals(flagged, trials.size());
                for (TrialStart t : trials) {
                    assertTrue(b.trialStarts()[t.row() * 25 + t.step()]);
                    assertNotNull(t.facts());
                }
                assertEquals(trials, ds.trials());
            }
        }
    }

    @Test
    void lossMasks() {
        float[] out = new float[30];
        var task = (org.neurogym.tasks.perceptual.PerceptualDecisionMaking) Fixtures.pdm();
        task.reset(3);
        int len = task.trialLength();
        LossMask.byPeriod(Map.of("fixation", 0, "decision", 2), 1).fill(task, len, out);
        for (int t = 0; t < len; t++) {
            float expected = t < task.periodEnd("fixation") ? 0 : t >= task.periodStart("decision") ? 2 : 1;
            assertEquals(expected, out[t], "step " + t);
        }
        LossMask.yang19("decision", 100).fill(task, len, out);
        int decision = task.periodStart("decision");
        for (int t = 0; t < len; t++) {
            float expected = t < 1 ? 0 : t < decision ? 1 : t < decision + 1 ? 0 : 5;
            assertEquals(expected, out[t], "step " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> LossMask.byPeriod(Map.of("fixation", Double.NaN), 1));
        assertThrows(IllegalArgumentException.class, () -> LossMask.yang19("decision", -1));
    }

    private static float[] floats(ByteBuffer b, int n) {
        float[] out = new float[n];
        b.asFloatBuffer().get(0, out, 0, n);
        return out;
    }
}
