package org.neurogym.tasks.collections.yang19;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

class Yang19RulesTest {

    static TrialEnv make(TaskDescriptor d, Map<String, ?> params) {
        return (TrialEnv) d.create(params).unwrapped();
    }

    static TrialEnv start(TaskDescriptor d, Map<String, ?> params, long seed, Map<String, ?> facts) {
        TrialEnv env = make(d, params);
        env.reset(seed);
        env.newTrial(facts);
        return env;
    }

    static float ob(TrialEnv env, int t, int c) {
        return env.trialObservations()[t * env.observationSize() + c];
    }

    /** The index of the largest element of modality {@code m} (0 or 1) at step t. */
    static int peak(TrialEnv env, int t, int m) {
        int best = 0;
        for (int i = 0; i < 16; i++) if (ob(env, t, 1 + 16 * m + i) > ob(env, t, 1 + 16 * m + best)) best = i;
        return best;
    }

    static double modalitySum(TrialEnv env, int t, int m) {
        double s = 0;
        for (int i = 0; i < 16; i++) s += Math.abs(ob(env, t, 1 + 16 * m + i));
        return s;
    }

    static void stepTo(TrialEnv env, int step) {
        while (env.stepIndex() < step) assertFalse(env.step(0).newTrial(), "trial ended before step " + step);
    }

    @Test
    void theTwentyTasksShareTheSpacesOfTheReference() {
        assertEquals(20, Yang19.tasks().size());
        assertEquals("yang19.go-v0", Yang19.ids().get(0));
        assertEquals("yang19.dnmc-v0", Yang19.ids().get(19));
        for (TaskDescriptor d : Yang19.tasks()) {
            TrialEnv env = make(d, Map.of());
            assertEquals(33, ((Box) env.observationSpace()).size(), d.id());
            assertEquals(17, ((Discrete) env.actionSpace()).n(), d.id());
            assertEquals(List.of("fixation", "stimulus_mod1", "stimulus_mod2"), List.copyOf(env.observationSpace().channels().keySet()));
        }
    }

    @Test
    void goShowsTheTargetInTheDrawnModalityAndAntiTheOpposite() {
        for (int m = 0; m < 2; m++) {
            TrialEnv go = start(Reach.GO, Map.of(), 1, Map.of("ground_truth", 3, "modality", m));
            int s = go.periodStart("stimulus");
            assertEquals(3, peak(go, s, m));
            assertEquals(0, modalitySum(go, s, 1 - m), 1e-9, "the other modality is silent");
            assertEquals(0.8f, ob(go, s, 1 + 16 * m + 3), 1e-6);
            assertEquals(4, go.trialGroundTruth()[go.periodStart("decision")]);

            TrialEnv anti = start(Reach.ANTI, Map.of(), 1, Map.of("ground_truth", 3, "modality", m));
            assertEquals(11, peak(anti, anti.periodStart("stimulus"), m), "stimulus opposite the answer");
            assertEquals(4, anti.trialGroundTruth()[anti.periodStart("decision")]);
        }
    }

    @Test
    void fixationInputIsOnUntilTheResponseIsDue() {
        TrialEnv dly = start(Reach.DLYGO, Map.of(), 2, Map.of());
        assertEquals(5, dly.periodEnd("delay") - dly.periodStart("delay"), "dlygo has a 500 ms delay");
        for (int t = 0; t < dly.trialLength(); t++) {
            assertEquals(t < dly.periodStart("decision") ? 1f : 0f, ob(dly, t, 0), "step " + t);
        }
        TrialEnv rt = start(Reach.RTGO, Map.of(), 2, Map.of("ground_truth", 5, "modality", 1));
        assertEquals(List.of("fixation", "decision"), rt.periods());
        for (int t = 0; t < rt.trialLength(); t++) assertEquals(1f, ob(rt, t, 0), "rt: fixation on at step " + t);
        assertEquals(5, peak(rt, rt.periodStart("decision"), 1), "rt: the stimulus appears at the decision");
        assertEquals(0, modalitySum(rt, 0, 1), 1e-9);
        for (TaskDescriptor d : List.of(DecisionMaking.DM1, DecisionMaking.MULTIDLYDM, DelayMatch.DMS)) {
            TrialEnv env = start(d, Map.of(), 3, Map.of());
            for (int t = 0; t < env.trialLength(); t++) {
                assertEquals(t < env.periodStart("decision") ? 1f : 0f, ob(env, t, 0), d.id() + " step " + t);
            }
        }
    }

    @Test
    void reactionTimeTrialsAreFixationThenDecision() {
        TrialEnv rt = make(Reach.RTANTI, Map.of());
        var stats = rt.trialLengthStats(100, 0);
        assertEquals(10.0, stats.mean(), 1e-9, "500 ms fixation + 500 ms decision, no unused stimulus or delay");
        assertEquals(0.0, stats.std(), 1e-9);
    }

    @Test
    void userTimingIsMergedOverTheDelayedDefaults() {
        TrialEnv env = start(Reach.DLYANTI, Map.of("timing", Map.of("fixation", 200)), 0, Map.of());
        assertEquals(2, env.periodEnd("fixation"));
        assertEquals(5, env.periodEnd("delay") - env.periodStart("delay"), "the 500 ms delay survives a timing override");
    }

    @Test
    void decisionMakingAnswersTheStrongerWeightedStimulus() {
        // dm1: modality 1 only; coh1 0.9 vs 0.1 at directions 2 and 9
        TrialEnv dm1 = start(DecisionMaking.DM1, Map.of("sigma", 0.0), 0, Map.of("i_theta1", 2, "i_theta2", 9,
                "coh1_mod1", 0.9, "coh2_mod1", 0.1));
        int s = dm1.periodStart("stimulus");
        assertEquals(0.8 * 0.9, ob(dm1, s, 1 + 2), 1e-6);
        assertEquals(0.8 * 0.1, ob(dm1, s, 1 + 9), 1e-6);
        assertEquals(0, modalitySum(dm1, s, 1), 1e-9, "dm1 leaves modality 2 empty");
        assertEquals(3, dm1.trialGroundTruth()[dm1.periodStart("decision")]);

        // ctxdm2: modality 1 favours direction 2, modality 2 favours direction 9: the answer follows modality 2
        TrialEnv ctx = start(DecisionMaking.CTXDM2, Map.of("sigma", 0.0), 0, Map.of("i_theta1", 2, "i_theta2", 9,
                "coh1_mod1", 0.9, "coh2_mod1", 0.1, "coh1_mod2", 0.4, "coh2_mod2", 0.6));
        assertEquals(10, ctx.trialGroundTruth()[ctx.periodStart("decision")]);
        TrialEnv ctx1 = start(DecisionMaking.CTXDM1, Map.of("sigma", 0.0), 0, Map.of("i_theta1", 2, "i_theta2", 9,
                "coh1_mod1", 0.9, "coh2_mod1", 0.1, "coh1_mod2", 0.4, "coh2_mod2", 0.6));
        assertEquals(3, ctx1.trialGroundTruth()[ctx1.periodStart("decision")]);
        // multidm: summed 1.3 vs 0.7 for direction 2
        TrialEnv multi = start(DecisionMaking.MULTIDM, Map.of("sigma", 0.0), 0, Map.of("i_theta1", 2, "i_theta2", 9,
                "coh1_mod1", 0.9, "coh2_mod1", 0.1, "coh1_mod2", 0.4, "coh2_mod2", 0.6));
        assertEquals(3, multi.trialGroundTruth()[multi.periodStart("decision")]);

        // delayed: first stimulus in stim1, second in stim2, nothing in the delay
        TrialEnv dly = start(DecisionMaking.DLYDM2, Map.of("sigma", 0.0), 0, Map.of("i_theta1", 4, "i_theta2", 12,
                "coh1_mod2", 0.3, "coh2_mod2", 1.0));
        assertEquals(4, peak(dly, dly.periodStart("stim1"), 1));
        assertEquals(12, peak(dly, dly.periodStart("stim2"), 1));
        assertEquals(0, modalitySum(dly, dly.periodStart("delay"), 1), 1e-9);
        assertEquals(13, dly.trialGroundTruth()[dly.periodStart("decision")]);
    }

    @Test
    void delayedDecisionMakingDrawsTwoDifferentCoherences() {
        TrialEnv env = make(DecisionMaking.MULTIDLYDM, Map.of());
        env.reset(5);
        for (int i = 0; i < 200; i++) {
            var facts = env.newTrial(Map.of());
            assertNotEquals(facts.getDouble("coh1_mod1"), facts.getDouble("coh2_mod1"));
            assertNotEquals(facts.getDouble("coh1_mod2"), facts.getDouble("coh2_mod2"));
            assertNotEquals(facts.getInt("i_theta1"), facts.getInt("i_theta2"));
        }
    }

    @Test
    void noiseCoversTheWholeTrialOnBothModalities() {
        TrialEnv env = start(DecisionMaking.DM1, Map.of(), 4, Map.of());
        assertTrue(modalitySum(env, 0, 0) > 0, "noise during fixation");
        assertTrue(modalitySum(env, 0, 1) > 0, "noise on the unused modality");
        assertTrue(modalitySum(env, env.periodStart("decision"), 0) > 0, "noise during the decision");
        TrialEnv dms = start(DelayMatch.DMS, Map.of(), 4, Map.of());
        assertTrue(modalitySum(dms, dms.periodStart("delay"), 0) > 0, "noise during the delay");
        TrialEnv quiet = start(DelayMatch.DMS, Map.of("sigma", 0.0), 4, Map.of());
        assertEquals(0, modalitySum(quiet, quiet.periodStart("delay"), 0), 1e-9);
    }

    @Test
    void categoriesAreTheTwoHalvesOfTheRing() {
        TrialEnv env = make(DelayMatch.DMC, Map.of("sigma", 0.0));
        env.reset(7);
        int seen8 = 0;
        for (int i = 0; i < 2000; i++) {
            var facts = env.newTrial(Map.of("ground_truth", "match"));
            int sample = (int) Math.round(facts.getDouble("sample_theta") / (2 * Math.PI / 16));
            int test = (int) Math.round(facts.getDouble("test_theta") / (2 * Math.PI / 16));
            assertEquals(sample >= 8, test >= 8, "match: sample " + sample + " and test " + test + " in the same half");
            if (sample == 8) seen8++;
            assertEquals(test + 1, env.trialGroundTruth()[env.periodStart("decision")]);
        }
        assertTrue(seen8 > 0);
        for (int i = 0; i < 500; i++) {
            var facts = env.newTrial(Map.of("ground_truth", "non-match"));
            int sample = (int) Math.round(facts.getDouble("sample_theta") / (2 * Math.PI / 16));
            int test = (int) Math.round(facts.getDouble("test_theta") / (2 * Math.PI / 16));
            assertNotEquals(sample >= 8, test >= 8);
            assertEquals(0, env.trialGroundTruth()[env.periodStart("decision")], "dmc: keep fixating on a non-match");
        }
    }

    @Test
    void sampleMatchingUsesSameOrOppositeDirections() {
        TrialEnv dnms = start(DelayMatch.DNMS, Map.of("sigma", 0.0), 3, Map.of("ground_truth", "non-match", "modality", 1));
        int sample = peak(dnms, dnms.periodStart("sample"), 1);
        int test = peak(dnms, dnms.periodStart("test"), 1);
        assertEquals((sample + 8) % 16, test);
        assertEquals(test + 1, dnms.trialGroundTruth()[dnms.periodStart("decision")]);
        TrialEnv dms = start(DelayMatch.DMS, Map.of("sigma", 0.0), 3, Map.of("ground_truth", "match", "modality", 0));
        assertEquals(peak(dms, dms.periodStart("sample"), 0), peak(dms, dms.periodStart("test"), 0));
    }

    @Test
    void keepingFixationThroughANoGoDecisionIsCorrect() {
        TrialEnv env = start(DelayMatch.DMS, Map.of(), 3, Map.of("ground_truth", "non-match"));
        int last = env.periodEnd("decision") - 1;
        stepTo(env, last);
        StepResult r = env.step(0);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward());
        assertEquals(1.0, r.performance());

        env.newTrial(Map.of("ground_truth", "non-match"));
        stepTo(env, env.periodStart("decision"));
        r = env.step(3);
        assertTrue(r.newTrial(), "responding on a no-go trial ends it");
        assertEquals(0.0, r.reward());
        assertEquals(0.0, r.performance());
    }

    @Test
    void wrongChoiceFailsAndEarlyResponsesCostTheAbortReward() {
        TrialEnv env = start(Reach.GO, Map.of(), 3, Map.of("ground_truth", 0));
        StepResult r = env.step(5);
        assertEquals(-0.1, r.reward(), 1e-12);
        assertFalse(r.newTrial(), "abort is off: the trial goes on");
        stepTo(env, env.periodStart("decision"));
        r = env.step(7);
        assertTrue(r.newTrial());
        assertEquals(0.0, r.reward());
        assertEquals(0.0, r.performance());
    }

    @Test
    void badParametersNameTheKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> make(DelayMatch.DMC, Map.of("dim_ring", 7)));
        assertTrue(e.getMessage().contains("dim_ring"));
        e = assertThrows(ParameterException.class, () -> make(DecisionMaking.DLYDM1, Map.of("cohs", new double[] {0.5})));
        assertTrue(e.getMessage().contains("cohs"));
        e = assertThrows(ParameterException.class, () -> make(DecisionMaking.DM2, Map.of("dim_ring", 1)));
        assertTrue(e.getMessage().contains("dim_ring"));
    }

    @Test
    void modalityIsDrawnPerTrial() {
        TrialEnv env = make(Reach.GO, Map.of());
        env.reset(11);
        int[] counts = new int[2];
        int repeats = 0;
        int prev = -1;
        for (int i = 0; i < 1000; i++) {
            int m = env.newTrial(Map.of()).getInt("modality");
            counts[m]++;
            if (m == prev) repeats++;
            prev = m;
        }
        assertTrue(counts[0] > 400 && counts[1] > 400, java.util.Arrays.toString(counts));
        assertTrue(repeats > 400, "a modality may repeat (no strict alternation)");
    }
}
