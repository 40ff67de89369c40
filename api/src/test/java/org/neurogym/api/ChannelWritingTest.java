package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/** Observations and ground truth written on named channels and plain indices. */
class ChannelWritingTest {

    // 6 elements: fixation [0], stimulus [1, 2, 3], index 4 unnamed, extra [5]
    private static final Box OB = Box.unbounded(6,
            Channel.of("fixation", 0), Channel.range("stimulus", 1, 4), Channel.of("extra", 5));
    private static final Discrete ACT = new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3));
    private static final Set<Integer> STIMULUS = Set.of(1, 2, 3);

    /** Periods a (2 steps) then b (3 steps); the trial body runs after they are added. */
    private static ToyTask task(ToyTask.TrialBody body) {
        return new ToyTask(100, OB, ACT, "a", 200, "b", 300).onTrial((t, trial) -> {
            t.addPeriods("a", "b");
            body.build(t, trial);
        });
    }

    private static boolean inB(int step) {
        return step >= 2 && step < 5;
    }

    @Test
    void addObOnAChannelTouchesExactlyItsIndicesInThePeriod() {
        ToyTask env = task((t, trial) -> t.addOb(2, "b", "stimulus"));
        env.reset(0);
        assertEquals(5, env.trialLength());
        for (int s = 0; s < 5; s++) {
            for (int c = 0; c < 6; c++) {
                float expected = inB(s) && STIMULUS.contains(c) ? 2f : 0f;
                assertEquals(expected, env.at(s, c), "step " + s + " element " + c);
            }
        }
    }

    @Test
    void addObAddsToWhatIsThere() {
        ToyTask env = task((t, trial) -> {
            t.addOb(1, null);
            t.addOb(2, "b", "fixation");
            t.addOb(0.5, "b", "fixation");
        });
        env.reset(0);
        for (int s = 0; s < 5; s++) {
            assertEquals(inB(s) ? 3.5f : 1f, env.at(s, 0), "step " + s);
            assertEquals(1f, env.at(s, 4));
        }
    }

    @Test
    void setObOverwritesOnlyTheNamedIndices() {
        ToyTask env = task((t, trial) -> {
            t.addOb(1, null);
            t.addOb(4, "a", "stimulus");
            t.setOb(5, "a", "stimulus");
            t.setOb(-1, "b", "extra");
        });
        env.reset(0);
        for (int s = 0; s < 5; s++) {
            for (int c = 0; c < 6; c++) {
                float expected = 1f;
                if (!inB(s) && STIMULUS.contains(c)) expected = 5f;
                if (inB(s) && c == 5) expected = -1f;
                assertEquals(expected, env.at(s, c), "step " + s + " element " + c);
            }
        }
    }

    @Test
    void vectorValuesGoElementByElement() {
        ToyTask env = task((t, trial) -> {
            t.addOb(new double[] {1, 2, 3}, "a", "stimulus");
            t.setOb(new double[] {9, 8, 7, 6, 5, 4}, "b");
        });
        env.reset(0);
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 0}, env.row(0));
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 0}, env.row(1));
        assertArrayEquals(new float[] {9, 8, 7, 6, 5, 4}, env.row(4));
    }

    @Test
    void aVectorOfTheWrongLengthIsAnError() {
        ToyTask env = task((t, trial) -> t.addOb(new double[] {1, 2}, "a", "stimulus"));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
        ToyTask whole = task((t, trial) -> t.setOb(new double[] {1, 2, 3}, "a"));
        assertThrows(NeuroGymException.class, () -> whole.reset(0));
    }

    @Test
    void addRandnTouchesOnlyTheChannelInThePeriod() {
        ToyTask env = task((t, trial) -> t.addRandn(0, 1, "b", "stimulus"));
        env.reset(0);
        for (int s = 0; s < 5; s++) {
            for (int c = 0; c < 6; c++) {
                if (inB(s) && STIMULUS.contains(c)) assertNotEquals(0f, env.at(s, c), "step " + s + " element " + c);
                else assertEquals(0f, env.at(s, c), "step " + s + " element " + c);
            }
        }
    }

    @Test
    void addRandnUsesMuAndSigma() {
        ToyTask env = task((t, trial) -> t.addRandn(10, 0, "a", "extra"));
        env.reset(0);
        assertEquals(10f, env.at(0, 5));
        assertEquals(10f, env.at(1, 5));
        assertEquals(0f, env.at(2, 5));
        assertEquals(0f, env.at(0, 4));
        // no period, no channel: the whole matrix
        ToyTask all = task((t, trial) -> t.addRandn(-3, 0, null));
        all.reset(0);
        for (int s = 0; s < 5; s++) assertArrayEquals(new float[] {-3, -3, -3, -3, -3, -3}, all.row(s));
    }

    @Test
    void anUnknownChannelIsAnErrorNamingIt() {
        ToyTask env = task((t, trial) -> t.addOb(1, "a", "stimulis"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("'stimulis'"), e.getMessage());
        assertTrue(e.getMessage().contains("stimulus"), "lists the known channels: " + e.getMessage());
        ToyTask set = task((t, trial) -> t.setOb(1, "a", "nope"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> set.reset(0)).getMessage().contains("nope"));
        ToyTask noise = task((t, trial) -> t.addRandn(0, 1, "a", "noise"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> noise.reset(0)).getMessage().contains("noise"));
    }

    @Test
    void integerIndexVariantsTouchOneElement() {
        ToyTask env = task((t, trial) -> {
            t.addOb(3, "a", 4);
            t.addOb(1, "a", 4);
            t.setOb(7, null, 5);
        });
        env.reset(0);
        for (int s = 0; s < 5; s++) {
            assertEquals(s < 2 ? 4f : 0f, env.at(s, 4), "step " + s);
            assertEquals(7f, env.at(s, 5));
            for (int c = 0; c < 4; c++) assertEquals(0f, env.at(s, c));
        }
    }

    @Test
    void anIndexOutsideTheObservationIsAnError() {
        ToyTask env = task((t, trial) -> t.addOb(1, "a", 6));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("6"), e.getMessage());
        ToyTask negative = task((t, trial) -> t.setOb(1, "a", -1));
        assertThrows(NeuroGymException.class, () -> negative.reset(0));
    }

    @Test
    void writingInAPeriodNotInTheTrialIsAnError() {
        ToyTask env = task((t, trial) -> t.addOb(1, "c", "fixation"));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void theDefaultObservationValueFillsUntouchedElements() {
        ToyTask env = task((t, trial) -> {
            t.setDefaultObValue(0.25);
            t.addOb(1, "a", "fixation");
        });
        env.reset(0);
        assertEquals(1.25f, env.at(0, 0));
        assertEquals(0.25f, env.at(0, 1));
        assertEquals(0.25f, env.at(4, 0));
    }

    @Test
    void aTrialWithoutWritesObservesZeros() {
        ToyTask env = task((t, trial) -> {});
        float[] first = env.reset(0);
        assertArrayEquals(new float[6], first);
        assertNull(env.trialGroundTruth(), "no ground truth set");
    }

    @Test
    void groundTruthByActionChannelMapsIndexToAction() {
        ToyTask env = task((t, trial) -> {
            t.setGroundTruth(0, "a", "fixation");
            t.setGroundTruth(0, "b", "choice");
        });
        env.reset(0);
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, java.util.Arrays.copyOf(env.trialGroundTruth(), 5));
        ToyTask second = task((t, trial) -> t.setGroundTruth(1, "b", "choice"));
        second.reset(0);
        assertArrayEquals(new int[] {0, 0, 2, 2, 2}, java.util.Arrays.copyOf(second.trialGroundTruth(), 5));
    }

    @Test
    void groundTruthByActionChannelChecksIndexAndName() {
        ToyTask outside = task((t, trial) -> t.setGroundTruth(2, "b", "choice"));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> outside.reset(0));
        assertTrue(e.getMessage().contains("choice"), e.getMessage());
        ToyTask unknown = task((t, trial) -> t.setGroundTruth(0, "b", "choise"));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> unknown.reset(0));
        assertTrue(u.getMessage().contains("choise"), u.getMessage());
    }

    @Test
    void aVectorGroundTruthOnADiscreteTaskIsAnError() {
        ToyTask env = task((t, trial) -> t.setGroundTruth(new double[] {1}, "a"));
        assertThrows(NeuroGymException.class, () -> env.reset(0));
    }

    @Test
    void vectorGroundTruthOnABoxActionTask() {
        ToyTask env = new ToyTask(100, OB, Box.of(2, -1, 1), "a", 200, "b", 300).onTrial((t, trial) -> {
            t.addPeriods("a", "b");
            t.setGroundTruth(new double[] {0.5, -0.5}, "b");
        });
        env.reset(0);
        assertNull(env.trialGroundTruth());
        float[] gt = env.trialGroundTruthVector();
        assertArrayEquals(new float[] {0, 0, 0, 0, 0.5f, -0.5f, 0.5f, -0.5f, 0.5f, -0.5f}, java.util.Arrays.copyOf(gt, 10));
        ToyTask wrongLength = new ToyTask(100, OB, Box.of(2, -1, 1), "a", 200).onTrial((t, trial) -> {
            t.addPeriod("a");
            t.setGroundTruth(new double[] {1, 2, 3}, null);
        });
        assertThrows(NeuroGymException.class, () -> wrongLength.reset(0));
        ToyTask integerOnBox = new ToyTask(100, OB, Box.of(2, -1, 1), "a", 200).onTrial((t, trial) -> {
            t.addPeriod("a");
            t.setGroundTruth(1);
        });
        assertThrows(NeuroGymException.class, () -> integerOnBox.reset(0));
    }

    @Test
    void channelOfGivesTheDeclaredIndices() {
        ToyTask env = task((t, trial) -> assertArrayEquals(new int[] {1, 2, 3}, t.channelOf("stimulus")));
        env.reset(0);
        assertEquals(6, env.observationSize());
    }

    @Test
    void groundTruthByStepRange() {
        ToyTask env = task((t, trial) -> {
            t.setGroundTruth(1);
            t.setGroundTruthSteps(2, 1, 3);
        });
        env.reset(0);
        assertArrayEquals(new int[] {1, 2, 2, 1, 1}, java.util.Arrays.copyOf(env.trialGroundTruth(), 5));
        ToyTask outside = task((t, trial) -> t.setGroundTruthSteps(1, 3, 6));
        assertThrows(NeuroGymException.class, () -> outside.reset(0));
        ToyTask reversed = task((t, trial) -> t.setGroundTruthSteps(1, 3, 2));
        assertThrows(NeuroGymException.class, () -> reversed.reset(0));
        ToyTask negative = task((t, trial) -> t.setGroundTruthSteps(1, -1, 2));
        assertThrows(NeuroGymException.class, () -> negative.reset(0));
    }
}
