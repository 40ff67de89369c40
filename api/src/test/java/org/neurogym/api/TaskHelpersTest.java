package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/** The helpers tasks share: ring tuning, trial facts in range or as lists, spans of steps, the nearest trial-based env. */
class TaskHelpersTest {

    @Test
    void ringDirectionsAreEvenlySpreadAndTuningIsACosine() {
        double[] theta = Ring.directions(4);
        assertArrayEquals(new double[] {0, Math.PI / 2, Math.PI, 3 * Math.PI / 2}, theta, 1e-12);
        double[] r = Ring.cosineTuning(theta, Math.PI / 2, 0.5, 0.5);
        assertArrayEquals(new double[] {0.5, 1, 0.5, 0}, r, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Ring.directions(0));
        assertThrows(IllegalArgumentException.class, () -> Ring.cosineTuning(theta, 0, 1, 0, new double[3]));
    }

    @Test
    void aFactImposedOutOfRangeIsRefusedNamingIt() {
        Trial t = new Trial(Map.of("ground_truth", 3));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> t.setDefaultWithin("ground_truth", 0, 0, 1));
        assertEquals("trial fact 'ground_truth' must be in 0..1, got 3", e.getMessage());
        assertEquals(1, new Trial().setDefaultWithin("ground_truth", 1, 0, 1));
    }

    @Test
    void listFactsAreReadInAnyShapeAndRecordedAsArrays() {
        Trial t = new Trial(Map.of("pair", List.of(1, 4), "vpair", new int[] {18, 10}));
        assertArrayEquals(new int[] {1, 4}, t.setDefaultIntegers("pair", new int[] {2, 3}));
        assertArrayEquals(new double[] {18, 10}, t.setDefaultNumbers("vpair", new double[] {0, 0}, 2));
        assertTrue(t.get("vpair") instanceof double[]);
        double[] drawn = {1, 2, 3};
        assertSame(drawn, new Trial().setDefaultNumbers("offer", drawn));
        assertThrows(NeuroGymException.class, () -> new Trial(Map.of("x", List.of(1.5))).setDefaultIntegers("x", new int[0]));
        assertThrows(NeuroGymException.class, () -> new Trial(Map.of("x", List.of(1))).setDefaultNumbers("x", new double[0], 2));
        assertThrows(NeuroGymException.class, () -> new Trial(Map.of("x", "a")).setDefaultNumbers("x", new double[0]));
    }

    @Test
    void addObStepsWritesASpanWithoutIndexArithmetic() {
        ToyTask env = new ToyTask(100, Box.unbounded(2, Channel.of("a", 0), Channel.of("b", 1)), new Discrete(2), "all", 500)
                .onTrial((t, trial) -> {
                    t.addPeriod("all");
                    t.addObSteps(0.5, 1, 3, "b");
                    t.addObSteps(1, 4, 99, "a"); // clipped to the trial
                });
        env.reset(0);
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0, 0}, column(env, 1));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1}, column(env, 0));
    }

    private static float[] column(ToyTask env, int c) {
        float[] out = new float[env.trialLength()];
        for (int t = 0; t < out.length; t++) out[t] = env.at(t, c);
        return out;
    }

    @Test
    void theNearestTrialBasedEnvIsFoundThroughPlainWrappers() {
        ToyTask task = StepSemanticsTest.threeStepTask();
        Wrapper plain = new Wrapper(task) {};
        assertSame(task, TrialBased.nearest(plain));
        assertSame(task, TrialBased.nearest(task));
        assertNull(TrialBased.nearest(new Wrapper(new Env() {
            public org.neurogym.api.space.Space observationSpace() { return Box.unbounded(1); }
            public org.neurogym.api.space.Space actionSpace() { return new Discrete(1); }
            public double dt() { return 1; }
            public float[] reset(long seed) { return new float[1]; }
            public float[] reset() { return new float[1]; }
            public StepResult step(int action) { return null; }
            public StepResult step(float[] action) { return null; }
        }) {}));
    }
}
