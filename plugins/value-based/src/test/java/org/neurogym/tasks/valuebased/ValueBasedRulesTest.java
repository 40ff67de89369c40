package org.neurogym.tasks.valuebased;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.spi.TaskDescriptor;

class ValueBasedRulesTest {

    private static TrialEnv make(TaskDescriptor d, Map<String, ?> params) {
        TrialEnv env = (TrialEnv) d.create(params).unwrapped();
        env.reset(7);
        return env;
    }

    private static float[] row(TrialEnv env, int step) {
        int n = env.observationSize();
        return Arrays.copyOfRange(env.trialObservations(), step * n, (step + 1) * n);
    }

    /** Fixates until the first step of {@code period}. */
    private static void fixateUntil(TrialEnv env, String period) {
        while (env.stepIndex() < env.periodStart(period)) assertFalse(env.step(0).newTrial());
    }

    // ------------------------------------------------------------------ EconomicDecisionMaking

    @Test
    void economicOffersAreShownOnTheirJuiceAndQuantityChannels() {
        TrialEnv env = make(EconomicDecisionMaking.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("juice", List.of("b", "a"), "offer", List.of(1, 3)));
        int offer = env.periodStart("offer_on");
        // fixation, a1, b1, a2, b2, n1, n2: offer 1 is one unit of B, offer 2 three units of A
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0}, row(env, 0));
        assertArrayEquals(new float[] {1, 0, 1, 1, 0, 0.2f, 0.6f}, row(env, offer));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0}, row(env, env.periodStart("decision")));
    }

    @Test
    void economicGroundTruthIsTheMoreValuableOffer() {
        TrialEnv env = make(EconomicDecisionMaking.DESCRIPTOR, Map.of());
        // one unit of B (worth 0.1) against three of A (worth 0.66): the second offer
        env.newTrial(Map.of("juice", List.of("b", "a"), "offer", List.of(1, 3)));
        int[] gt = env.trialGroundTruth();
        assertEquals(0, gt[env.periodStart("decision") - 1]);
        assertEquals(2, gt[env.periodStart("decision")]);
        // six units of B (6 * 0.22 / 2.2 = 0.6) against one of A (0.22): the first offer
        env.newTrial(Map.of("juice", List.of("b", "a"), "offer", List.of(6, 1)));
        assertEquals(1, env.trialGroundTruth()[env.periodStart("decision")]);
        env.newTrial(Map.of("juice", List.of("a", "b"), "offer", List.of(6, 1)));
        assertEquals(2, env.trialGroundTruth()[env.periodStart("decision")]);
    }

    @Test
    void economicChoiceEarnsTheChosenOffersValue() {
        TrialEnv env = make(EconomicDecisionMaking.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("juice", List.of("b", "a"), "offer", List.of(1, 3)));
        fixateUntil(env, "decision");
        StepResult r = env.step(2);
        assertTrue(r.newTrial());
        assertEquals(3 * 0.22, r.reward(), 1e-9);
        assertEquals(1, r.performance());

        env.newTrial(Map.of("juice", List.of("b", "a"), "offer", List.of(1, 3)));
        fixateUntil(env, "decision");
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(0.22 / 2.2, r.reward(), 1e-9);
        assertEquals(0, r.performance());
    }

    @Test
    void economicBreakingFixationCostsButDoesNotAbort() {
        TrialEnv env = make(EconomicDecisionMaking.DESCRIPTOR, Map.of());
        StepResult r = env.step(1);
        assertEquals(-0.1, r.reward(), 1e-9);
        assertFalse(r.newTrial());
        assertEquals(1, env.stepIndex());
        fixateUntil(env, "offer_on");
        r = env.step(2);
        assertEquals(-0.1, r.reward(), 1e-9);
        assertFalse(r.newTrial());
    }

    @Test
    void economicRewardsOverrideScalesBothJuices() {
        TrialEnv env = make(EconomicDecisionMaking.DESCRIPTOR, Map.of("rewards", Map.of("correct", 1.0)));
        env.newTrial(Map.of("juice", List.of("a", "b"), "offer", List.of(4, 1)));
        fixateUntil(env, "decision");
        StepResult r = env.step(2);
        assertEquals(4 / 2.2, r.reward(), 1e-9);
        assertEquals(1, r.performance());
    }

    // ------------------------------------------------------------------ Bandit

    @Test
    void banditPaysTheChosenArmsMagnitudeWithItsProbability() {
        TrialEnv env = make(Bandit.DESCRIPTOR, Map.of("n", 3, "p", new double[] {0.3, 0.8, 0.0}, "rewards", new double[] {2, 1, 5}));
        double[] pays = new double[3];
        int pulls = 6000;
        for (int i = 0; i < pulls; i++) {
            int arm = i % 3;
            assertEquals(0, env.stepIndex());
            StepResult r = env.step(arm);
            assertTrue(r.newTrial(), "every pull ends the trial");
            double m = new double[] {2, 1, 5}[arm];
            assertTrue(r.reward() == 0 || r.reward() == m, "reward " + r.reward());
            pays[arm] += r.reward() / m;
        }
        assertEquals(0.3, pays[0] / (pulls / 3.0), 0.04);
        assertEquals(0.8, pays[1] / (pulls / 3.0), 0.04);
        assertEquals(0.0, pays[2]);
    }

    @Test
    void banditGroundTruthAndPerformanceFollowTheBestExpectedPayoff() {
        // expected payoffs 0.6, 0.8, 0: arm 1 is best
        TrialEnv env = make(Bandit.DESCRIPTOR, Map.of("n", 3, "p", new double[] {0.3, 0.8, 0.0}, "rewards", new double[] {2, 1, 5}));
        assertEquals(1, env.trialLength());
        assertTrue(env.hasGroundTruth());
        assertEquals(1, env.trialGroundTruth()[0]);
        assertEquals(0f, env.trialObservations()[0], "a one-step observation matrix holding 0");
        assertEquals(0, env.step(0).performance());
        assertEquals(1, env.step(1).performance());
        assertEquals(0, env.step(2).performance());
        // imposed facts replace the arms for one trial
        env.newTrial(Map.of("p", List.of(1.0, 0.0, 0.0)));
        assertEquals(0, env.trialGroundTruth()[0]);
        StepResult r = env.step(0);
        assertEquals(2, r.reward());
        assertEquals(1, r.performance());
    }

    @Test
    void banditDefaultsHaveTwoEqualArms() {
        TrialEnv env = make(Bandit.DESCRIPTOR, Map.of());
        assertEquals(0, env.trialGroundTruth()[0], "a tie goes to the lowest arm");
        assertEquals(1, env.step(1).performance(), "either arm is a best arm");
        assertEquals(1, env.step(0).performance());
    }

    @Test
    void banditRejectsInconsistentArms() {
        ParameterException e = assertThrows(ParameterException.class, () -> Bandit.DESCRIPTOR.create(Map.of("n", 3)));
        assertEquals("p", e.key());
        e = assertThrows(ParameterException.class, () -> Bandit.DESCRIPTOR.create(Map.of("rewards", new double[] {1, 2, 3})));
        assertEquals("rewards", e.key());
        // left unset, rewards means 1 for every arm; given, it needs one magnitude per arm (an empty list is no default)
        e = assertThrows(ParameterException.class, () -> Bandit.DESCRIPTOR.create(Map.of("rewards", new double[0])));
        assertEquals("rewards", e.key());
        e = assertThrows(ParameterException.class, () -> Bandit.DESCRIPTOR.create(Map.of("p", new double[] {0.5, 1.5})));
        assertEquals("p", e.key());
        e = assertThrows(ParameterException.class, () -> Bandit.DESCRIPTOR.create(Map.of("timing", Map.of("stimulus", 100))));
        assertEquals("timing.stimulus", e.key());
    }

    // ------------------------------------------------------------------ DawTwoStep

    private static Map<String, Object> daw(double[] transition, double[] reward, int hiState) {
        return Map.of("transition", transition, "reward", reward, "hi_state", hiState);
    }

    @Test
    void dawGroundTruthChoiceLeadsToTheRewardedState() {
        TrialEnv env = make(DawTwoStep.DESCRIPTOR, Map.of());
        env.newTrial(daw(new double[] {0, 1, 2}, new double[] {1, 0}, 0));
        assertEquals(2, env.trialLength());
        assertArrayEquals(new int[] {1, 0}, Arrays.copyOf(env.trialGroundTruth(), 2));
        assertArrayEquals(new float[] {1, 0, 0}, row(env, 0));
        assertArrayEquals(new float[] {0, 1, 0}, row(env, 1));

        StepResult r = env.step(1);
        assertFalse(r.newTrial());
        assertEquals(1, r.reward());
        assertArrayEquals(new float[] {0, 1, 0}, r.observation());
        r = env.step(0);
        assertTrue(r.newTrial());
        assertEquals(0, r.reward());
        assertEquals(1, r.performance());
        assertArrayEquals(new float[] {1, 0, 0}, r.observation(), "the next trial opens on the first-stage cue");
    }

    @Test
    void dawOtherChoiceShowsTheStateItReached() {
        TrialEnv env = make(DawTwoStep.DESCRIPTOR, Map.of());
        env.newTrial(daw(new double[] {0, 1, 2}, new double[] {1, 0.5}, 0));
        StepResult r = env.step(2);
        assertEquals(0.5, r.reward());
        assertArrayEquals(new float[] {0, 0, 1}, r.observation());
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(-0.1, r.reward(), 1e-9, "acting at the second stage costs the abort reward");
        assertEquals(0, r.performance());

        // a rare transition of the ground-truth choice: the matrix shows where it really goes
        env.newTrial(daw(new double[] {0, 2, 2}, new double[] {0, 1}, 1));
        assertArrayEquals(new float[] {0, 0, 1}, row(env, 1));
        r = env.step(1);
        assertEquals(1, r.reward());
        assertArrayEquals(new float[] {0, 0, 1}, r.observation());
        assertEquals(0, env.step(0).performance(), "choice 1 is not the route to the better state");
    }

    @Test
    void dawFixatingAtTheFirstStageAborts() {
        TrialEnv env = make(DawTwoStep.DESCRIPTOR, Map.of());
        StepResult r = env.step(0);
        assertTrue(r.newTrial());
        assertEquals(-0.1, r.reward(), 1e-9);
        assertEquals(0, r.performance());
        assertArrayEquals(new float[] {1, 0, 0}, r.observation());
    }

    @Test
    void dawTransitionsAndPayoutsHaveTheirProbabilities() {
        TrialEnv env = make(DawTwoStep.DESCRIPTOR, Map.of());
        int trials = 8000;
        int common = 0;
        int switches = 0;
        double oraclePay = 0;
        int last = ((Number) env.trial().get("hi_state")).intValue();
        assertEquals(0, last, "state 1 is the better state at the start");
        for (int i = 0; i < trials; i++) {
            double[] tr = (double[]) env.trial().get("transition");
            if (tr[1] == 1) common++;
            if (tr[2] == 2) common++;
            int hi = ((Number) env.trial().get("hi_state")).intValue();
            if (hi != last) switches++;
            last = hi;
            oraclePay += env.step(hi + 1).reward();
            assertTrue(env.step(0).newTrial());
        }
        assertEquals(0.8, common / (2.0 * trials), 0.015);
        assertEquals(0.025, switches / (double) trials, 0.01);
        // the better state is reached with probability 0.8 and pays 90% of the time; the other pays 10%
        assertEquals(0.8 * 0.9 + 0.2 * 0.1, oraclePay / trials, 0.02);
    }

    @Test
    void dawResetStartsAfresh() {
        TrialEnv env = make(DawTwoStep.DESCRIPTOR, Map.of());
        double[] transition = (double[]) env.trial().get("transition");
        double[] reward = (double[]) env.trial().get("reward");
        boolean switched = false;
        for (int i = 0; i < 500; i++) {
            switched |= ((Number) env.trial().get("hi_state")).intValue() == 1;
            env.step(1);
            env.step(0);
        }
        assertTrue(switched, "the better state changed at least once in 500 trials");
        env.reset(7);
        assertArrayEquals(transition, (double[]) env.trial().get("transition"));
        assertArrayEquals(reward, (double[]) env.trial().get("reward"));
        assertEquals(0, env.trial().getInt("hi_state"));
    }

    // ------------------------------------------------------------------ Null

    @Test
    void nullTrialsRunTenSecondsWithNothingToDo() {
        TrialEnv env = make(Null.DESCRIPTOR, Map.of("dt", 50.0));
        assertEquals(200, env.trialLength());
        assertTrue(env.hasGroundTruth());
        for (int i = 0; i < 199; i++) {
            StepResult r = env.step(0);
            assertFalse(r.newTrial());
            assertEquals(0, r.reward());
            assertEquals(0, r.groundTruth());
            assertArrayEquals(new float[] {0}, r.observation());
        }
        StepResult r = env.step(0);
        assertTrue(r.newTrial());
        assertEquals(0, r.performance());
    }
}
