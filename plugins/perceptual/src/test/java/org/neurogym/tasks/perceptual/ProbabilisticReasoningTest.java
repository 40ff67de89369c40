package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;

class ProbabilisticReasoningTest {

    @Test
    void shapesAccumulateOnePerStimulusPeriod() {
        ProbabilisticReasoning env = Probe.make(ProbabilisticReasoning.DESCRIPTOR);
        Probe.start(env, 1, Map.of("locs", new int[] {2, 0, 3, 1}, "shapes", new int[] {9, 0, 5, 5}));
        assertEquals(10 - 10 + 0.3 + 0.3, env.trial().getDouble("log_odd"), 1e-12);
        int[][] shown = {{2, 9}, {0, 0}, {3, 5}, {1, 5}};
        for (int j = 0; j < 4; j++) {
            int t = env.periodStart("stimulus" + j);
            float total = 0;
            for (int c = 1; c < env.observationSize(); c++) total += Probe.ob(env, t, c);
            assertEquals(j + 1, total, 1e-6);
            for (int i = 0; i <= j; i++) assertEquals(1f, Probe.ob(env, t, 1 + shown[i][0] * 10 + shown[i][1]));
            assertEquals(1f, Probe.ob(env, t, 0));
        }
        for (int t = env.periodStart("delay"); t < env.trialLength(); t++) {
            for (int c = 1; c < env.observationSize(); c++) assertEquals(0f, Probe.ob(env, t, c));
            assertEquals(t < env.periodStart("decision") ? 1f : 0f, Probe.ob(env, t, 0));
        }
    }

    @Test
    void locationsArePermutations() {
        ProbabilisticReasoning env = Probe.make(ProbabilisticReasoning.DESCRIPTOR);
        env.reset(2);
        for (int i = 0; i < 100; i++) {
            int[] locs = ((int[]) env.newTrial(Map.of()).get("locs")).clone();
            Arrays.sort(locs);
            assertEquals("[0, 1, 2, 3]", Arrays.toString(locs));
        }
    }

    @Test
    void theAnswerIsDrawnFromTheSummedEvidence() {
        for (double w : new double[] {10, -10}) {
            ProbabilisticReasoning env = Probe.make(ProbabilisticReasoning.DESCRIPTOR, Map.of("shape_weight", new double[] {w}));
            env.reset(3);
            for (int i = 0; i < 100; i++) assertEquals(w > 0 ? 1 : 0, env.newTrial(Map.of()).getInt("ground_truth"));
        }
        // weights 0.3 / -0.3 with one location: P(second) = 1 / (10^-0.3 + 1) = 0.666 or 0.334
        ProbabilisticReasoning env = Probe.make(ProbabilisticReasoning.DESCRIPTOR,
                Map.of("shape_weight", new double[] {0.3}, "n_loc", 1));
        env.reset(4);
        int second = 0;
        for (int i = 0; i < 4000; i++) second += env.newTrial(Map.of()).getInt("ground_truth");
        assertEquals(1 / (Math.pow(10, -0.3) + 1), second / 4000.0, 0.03);
    }

    @Test
    void wrongChoiceFailsAndRightChoicePays() {
        ProbabilisticReasoning env = Probe.make(ProbabilisticReasoning.DESCRIPTOR,
                Map.of("shape_weight", new double[] {10}, "rewards", Map.of("fail", -0.5)));
        env.reset(5);
        Probe.fixateUntil(env, "decision");
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(-0.5, r.reward(), 1e-12);
        Probe.fixateUntil(env, "decision");
        assertEquals(1.0, env.step(2).reward(), 1e-12);
        assertEquals(-0.1, env.step(1).reward(), 1e-12); // the next trial's fixation
    }
}
