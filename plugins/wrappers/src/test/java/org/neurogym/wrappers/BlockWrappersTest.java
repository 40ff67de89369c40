package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialBased;
import org.neurogym.api.param.ParameterException;

class BlockWrappersTest {

    @Test
    void randomGroundTruthFollowsP() {
        TrialBased env = (TrialBased) RandomGroundTruth.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("p", List.of(0.9, 0.1)));
        env.reset(2);
        int zeros = 0;
        for (int i = 0; i < 5000; i++) {
            if (env.trial().getInt("ground_truth") == 0) zeros++;
            env.newTrial(Map.of());
        }
        assertEquals(0.9, zeros / 5000.0, 0.015);
    }

    @Test
    void randomGroundTruthIsUniformByDefaultAndTakesAPerTrialP() {
        TrialBased env = (TrialBased) RandomGroundTruth.DESCRIPTOR.wrap(Fixtures.dms(), Map.of());
        env.reset(2);
        int ones = 0;
        for (int i = 0; i < 4000; i++) {
            int g = env.trial().getInt("ground_truth");
            assertTrue(g == 1 || g == 2, "DelayMatchSample's choices are 1 and 2");
            if (g == 1) ones++;
            env.newTrial(Map.of());
        }
        assertEquals(0.5, ones / 4000.0, 0.03);
        for (int i = 0; i < 50; i++) assertEquals(2, env.newTrial(Map.of("p", List.of(0.0, 1.0))).getInt("ground_truth"));
    }

    @Test
    void randomGroundTruthChecksP() {
        assertEquals("p", assertThrows(ParameterException.class,
                () -> RandomGroundTruth.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("p", List.of(0.5, 0.3, 0.2)))).key());
        assertEquals("p", assertThrows(ParameterException.class,
                () -> RandomGroundTruth.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("p", List.of(0.5, 0.6)))).key());
    }

    @Test
    void trialHistoryRepeatsWithTheTransitionProbabilities() {
        TrialHistory env = (TrialHistory) TrialHistory.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("probs", List.of(List.of(0.9, 0.1), List.of(0.2, 0.8))));
        env.reset(3);
        int[][] transitions = new int[2][2];
        int previous = env.trial().getInt("ground_truth");
        for (int i = 0; i < 20_000; i++) {
            int g = env.newTrial(Map.of()).getInt("ground_truth");
            transitions[previous][g]++;
            previous = g;
        }
        assertEquals(0.9, transitions[0][0] / (double) (transitions[0][0] + transitions[0][1]), 0.015);
        assertEquals(0.8, transitions[1][1] / (double) (transitions[1][0] + transitions[1][1]), 0.015);
    }

    @Test
    void trialHistoryTakesAPerTrialMatrixAndRecordsTheMatrix() {
        // as in the reference, a 'probs' fact (e.g. from ScheduleAttr) replaces the matrix for that trial
        TrialBased env = (TrialBased) ScheduleAttr.DESCRIPTOR.wrap(
                TrialHistory.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of()),
                Map.of("schedule", "Sequential", "attr_list", List.of(
                        Map.of("probs", List.of(List.of(0.0, 1.0), List.of(0.0, 1.0))),
                        Map.of("probs", List.of(List.of(1.0, 0.0), List.of(1.0, 0.0))))));
        env.reset(4);
        for (int i = 0; i < 40; i++) {
            assertEquals(i % 2 == 0 ? 1 : 0, env.trial().getInt("ground_truth"), "trial " + i);
            List<?> recorded = (List<?>) env.trial().get("probs");
            assertEquals(2, recorded.size(), "the whole transition matrix is recorded");
            assertEquals(i % 2 == 0 ? List.of(0.0, 1.0) : List.of(1.0, 0.0), recorded.get(0));
            env.newTrial(Map.of());
        }
        TrialBased plain = (TrialBased) TrialHistory.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of());
        plain.reset(4);
        assertEquals(List.of(List.of(0.5, 0.5), List.of(0.5, 0.5)), plain.trial().get("probs"));
        assertThrows(NeuroGymException.class, () -> plain.newTrial(Map.of("probs", List.of(List.of(1.0)))));
    }

    @Test
    void trialHistoryNeedsASquareMatrixOfTheTasksChoices() {
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> TrialHistory.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("probs", List.of(List.of(0.5, 0.25, 0.25), List.of(0.5, 0.25, 0.25), List.of(0.5, 0.25, 0.25)))));
        assertTrue(e.getMessage().contains("TrialHistory") && e.getMessage().contains("2 choices"), e.getMessage());
    }

    @Test
    void scheduleAttrImposesFactsInScheduleOrder() {
        Env wrapped = ScheduleAttr.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("schedule", "Sequential",
                "attr_list", List.of(Map.of("coh", 0.0), Map.of("coh", 51.2), Map.of("coh", 6.4, "ground_truth", 1))));
        TrialBased env = (TrialBased) wrapped;
        env.reset(0);
        double[] expected = {0.0, 51.2, 6.4};
        for (int i = 0; i < 30; i++) {
            assertEquals(expected[i % 3], env.trial().getDouble("coh"), "trial " + i);
            if (i % 3 == 2) assertEquals(1, env.trial().getInt("ground_truth"));
            env.newTrial(Map.of());
        }
    }

    @Test
    void scheduleAttrBlockScheduleAndErrors() {
        TrialBased env = (TrialBased) ScheduleAttr.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("schedule", "SequentialBlock",
                "block_lens", List.of(2, 3), "attr_list", List.of(Map.of("coh", 0.0), Map.of("coh", 51.2))));
        env.reset(0);
        double[] expected = {0, 0, 51.2, 51.2, 51.2, 0, 0};
        for (double e : expected) {
            assertEquals(e, env.trial().getDouble("coh"));
            env.newTrial(Map.of());
        }
        assertEquals("block_lens", assertThrows(ParameterException.class, () -> ScheduleAttr.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("schedule", "SequentialBlock", "attr_list", List.of(Map.of("coh", 0.0))))).key());
        assertEquals("schedule", assertThrows(ParameterException.class, () -> ScheduleAttr.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("schedule", "Shuffle", "attr_list", List.of(Map.of("coh", 0.0))))).key());
        assertEquals("attr_list", assertThrows(ParameterException.class, () -> ScheduleAttr.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("schedule", "Random", "attr_list", List.of()))).key());
    }
}
