package org.neurogym.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.InvalidActionException;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;

class VectorEnvTest {

    /** Everything a run shows, step after step, flattened for comparison. */
    private static List<String> run(int threads, int copies, int steps) {
        List<String> log = new ArrayList<>();
        try (VectorEnv v = VectorEnv.builder(() -> new Fixtures.Truncate(Fixtures.pdm(), 37)).copies(copies).threads(threads).seed(4).build()) {
            assertEquals(Math.min(threads, copies), v.threads());
            float[] ob = v.reset();
            log.add(java.util.Arrays.toString(ob));
            Rng actions = new Rng(99);
            int[] a = new int[copies];
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < copies; i++) a[i] = actions.integer(3);
                v.step(a);
                log.add(java.util.Arrays.toString(v.observations()) + java.util.Arrays.toString(v.rewards())
                        + java.util.Arrays.toString(v.newTrials()) + java.util.Arrays.toString(v.groundTruth())
                        + java.util.Arrays.toString(v.performance()) + java.util.Arrays.toString(v.resets())
                        + java.util.Arrays.toString(v.truncated()));
            }
        }
        return log;
    }

    @Test
    void callingThreadAndPoolGiveTheSameResults() {
        List<String> one = run(1, 6, 400);
        assertEquals(one, run(3, 6, 400));
        assertEquals(one, run(6, 6, 400));
        assertEquals(one, run(8, 6, 400));
    }

    @Test
    void copyIMatchesAnEnvResetWithTheDerivedSeed() {
        int copies = 4;
        try (VectorEnv v = VectorEnv.builder(Fixtures::pdm).copies(copies).threads(2).build()) {
            float[] first = v.reset(123).clone();
            Env[] solo = new Env[copies];
            for (int i = 0; i < copies; i++) {
                solo[i] = Fixtures.pdm();
                float[] o = solo[i].reset(Rng.derive(123, i));
                for (int c = 0; c < 3; c++) assertEquals(o[c], first[i * 3 + c]);
            }
            int[] a = new int[copies];
            for (int s = 0; s < 300; s++) {
                for (int i = 0; i < copies; i++) a[i] = (s + i) % 3;
                v.step(a);
                for (int i = 0; i < copies; i++) {
                    StepResult r = solo[i].step(a[i]);
                    assertEquals(r.reward(), v.rewards()[i]);
                    assertEquals(r.newTrial(), v.newTrials()[i]);
                    assertEquals(r.groundTruth(), v.groundTruth()[i]);
                    for (int c = 0; c < 3; c++) assertEquals(r.observation()[c], v.observations()[i * 3 + c]);
                }
            }
            for (Env e : solo) e.close();
        }
    }

    @Test
    void endedEpisodesRestartInTheSameStep() {
        try (VectorEnv v = VectorEnv.builder(() -> new Fixtures.Truncate(Fixtures.pdm(), 5)).copies(2).build()) {
            v.reset(1);
            int[] fix = {0, 0};
            for (int s = 1; s <= 5; s++) {
                v.step(fix);
                assertEquals(s == 5, v.resets()[0]);
                assertEquals(s == 5, v.truncated()[1]);
            }
            // after the reset the copy is at the first step of a new episode: fixation input on
            assertEquals(1f, v.observations()[0]);
            v.step(fix);
            assertFalse(v.resets()[0]);
        }
    }

    @Test
    void boxActionsAreSlicedPerCopy() {
        try (VectorEnv v = VectorEnv.builder(Fixtures.Ramp::new).copies(3).threads(3).build()) {
            v.reset(0);
            assertEquals(2, v.actionSize());
            v.step(new float[] {1, 0, 2, 0, 3, 0});
            assertArrayEquals(new double[] {1, 2, 3}, v.rewards());
            assertThrows(IllegalArgumentException.class, () -> v.step(new int[3]));
            assertThrows(IllegalArgumentException.class, () -> v.step(new float[5]));
        }
    }

    @Test
    void invalidActionsReachTheCaller() {
        try (VectorEnv v = VectorEnv.builder(Fixtures::pdm).copies(4).threads(2).build()) {
            v.reset(0);
            assertThrows(InvalidActionException.class, () -> v.step(new int[] {0, 0, 0, 7}));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> v.step(new int[2])).getMessage().contains("4 actions"));
        }
    }
}
