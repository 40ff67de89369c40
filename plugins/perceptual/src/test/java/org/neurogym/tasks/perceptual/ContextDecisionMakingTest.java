package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.timing.Timing;

class ContextDecisionMakingTest {

    private static ContextDecisionMaking make(Map<String, ?> params) {
        return Probe.make(ContextDecisionMaking.DESCRIPTOR, params);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void observationChannelsAreNamedPerElementAsInTheReference(boolean explicit) {
        ContextDecisionMaking env = make(Map.of("use_expl_context", explicit));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("fixation", List.of(0));
        expected.put("stim1_mod1", List.of(1));
        expected.put("stim2_mod1", List.of(2));
        expected.put("stim1_mod2", List.of(3));
        expected.put("stim2_mod2", List.of(4));
        if (explicit) {
            expected.put("context1", List.of(5));
            expected.put("context2", List.of(6));
        }
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        env.observationSpace().channels().forEach((k, v) -> actual.put(k, java.util.Arrays.stream(v).boxed().toList()));
        assertEquals(expected, actual);
        assertEquals(explicit ? 7 : 5, env.observationSize());
        assertArrayEquals(new int[] {0}, env.actionSpace().channel("fixation"));
        assertArrayEquals(new int[] {1, 2}, env.actionSpace().channel("choice"));
    }

    @ParameterizedTest
    @CsvSource({"true,2", "true,4", "true,8", "false,2", "false,4", "false,8"})
    void spacesGrowWithTheRing(boolean explicit, int dimRing) {
        ContextDecisionMaking env = make(Map.of("use_expl_context", explicit, "dim_ring", dimRing));
        assertEquals(1 + 2 * dimRing + (explicit ? 2 : 0), env.observationSize());
        assertEquals(1 + dimRing, ((org.neurogym.api.space.Discrete) env.actionSpace()).n());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void trialFactsComeFromTheirSets(boolean explicit) {
        ContextDecisionMaking env = make(Map.of("use_expl_context", explicit));
        env.reset(3);
        Set<Integer> contexts = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            var t = env.newTrial(Map.of());
            assertTrue(List.of(1, 2).contains(t.getInt("ground_truth")));
            assertTrue(List.of(1, 2).contains(t.getInt("other_choice")));
            assertTrue(List.of(5.0, 15.0, 50.0).contains(t.getDouble("coh_1")));
            assertTrue(List.of(5.0, 15.0, 50.0).contains(t.getDouble("coh_2")));
            contexts.add(t.getInt("context"));
        }
        assertEquals(explicit ? Set.of(0, 1) : Set.of(0), contexts);
    }

    @Test
    void implicitContextUsesTheGivenModalityOnly() {
        ContextDecisionMaking env = make(Map.of("impl_context_modality", 1));
        env.reset(1);
        for (int i = 0; i < 50; i++) assertEquals(1, env.newTrial(Map.of()).getInt("context"));
        var e = assertThrows(ParameterException.class, () -> make(Map.of("impl_context_modality", 2)));
        assertEquals("impl_context_modality", e.key());
    }

    @Test
    void breakingFixationCostsTheAbortRewardAndCorrectChoicePays() {
        ContextDecisionMaking env = make(Map.of());
        env.reset(5);
        StepResult r = env.step(1);
        assertEquals(-0.1, r.reward(), 1e-12);
        assertFalse(r.newTrial()); // abort is off by default

        Probe.start(env, 6, Map.of());
        int correct = env.trial().getInt("ground_truth");
        Probe.fixateUntil(env, "decision");
        r = env.step(correct);
        assertEquals(1.0, r.reward(), 1e-12);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.performance());

        Probe.start(env, 7, Map.of("ground_truth", 1));
        Probe.fixateUntil(env, "decision");
        r = env.step(2);
        assertEquals(0.0, r.reward(), 1e-12); // no fail reward in this task
        assertTrue(r.newTrial());
        assertEquals(0.0, r.performance());
    }

    @Test
    void abortEndsTheTrialWhenEnabled() {
        ContextDecisionMaking env = make(Map.of("abort", true));
        env.reset(5);
        StepResult r = env.step(2);
        assertTrue(r.newTrial());
        assertEquals(-0.1, r.reward(), 1e-12);
    }

    @Test
    void stimulusObservationsAreNoisy() {
        ContextDecisionMaking env = make(Map.of());
        Map<String, Object> facts = Map.of("ground_truth", 1, "other_choice", 2, "context", 0, "coh_1", 50.0, "coh_2", 50.0);
        Probe.start(env, 8, facts);
        int t = env.periodStart("stimulus");
        float first = Probe.ob(env, t, 1);
        env.newTrial(facts);
        assertNotEquals(first, Probe.ob(env, env.periodStart("stimulus"), 1));
    }

    @Test
    void fixationStaysOnUntilTheDecisionGoCue() {
        ContextDecisionMaking env = make(Map.of());
        env.reset(9);
        for (int i = 0; i < 20; i++) {
            env.newTrial(Map.of());
            for (int t = 0; t < env.trialLength(); t++) {
                boolean decision = t >= env.periodStart("decision");
                assertEquals(decision ? 0f : 1f, Probe.ob(env, t, 0), "fixation input at step " + t);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0,1,2", "1,1,2", "0,2,1", "1,2,1"})
    void theContextSelectsWhichModalityCarriesTheAnswer(int context, int groundTruth, int other) {
        ContextDecisionMaking env = make(Map.of("use_expl_context", true, "sigma", 0.0));
        Probe.start(env, 10, Map.of("ground_truth", groundTruth, "other_choice", other, "context", context,
                "coh_1", 50.0, "coh_2", 50.0));
        int t = env.periodStart("stimulus");
        // with coherence 50 the pointed-at element is 0.75, the other 0.25
        int mod1Peak = Probe.ob(env, t, 1) > Probe.ob(env, t, 2) ? 1 : 2;
        int mod2Peak = Probe.ob(env, t, 3) > Probe.ob(env, t, 4) ? 1 : 2;
        assertEquals(0.75f, Math.max(Probe.ob(env, t, 1), Probe.ob(env, t, 2)), 1e-6);
        assertEquals(context == 0 ? groundTruth : other, mod1Peak);
        assertEquals(context == 0 ? other : groundTruth, mod2Peak);
        // the context input is on for the whole trial, the decision period included
        int on = context == 0 ? 5 : 6;
        for (int s = 0; s < env.trialLength(); s++) {
            assertEquals(1f, Probe.ob(env, s, on));
            assertEquals(0f, Probe.ob(env, s, 11 - on));
        }
        for (int s = env.periodStart("decision"); s < env.trialLength(); s++) {
            assertEquals(groundTruth, Probe.gt(env, s));
            for (int c = 0; c < 5; c++) assertEquals(0f, Probe.ob(env, s, c));
        }
    }

    @Test
    void timingOverridesAreApplied() {
        assertEquals(Timing.constant(500), make(Map.of("timing", Map.of("stimulus", 500))).timing().get("stimulus"));
        assertEquals(Timing.constant(800), make(Map.of("timing", Map.of("delay", 800))).timing().get("delay"));
        assertEquals(Timing.constant(200), make(Map.of("timing", Map.of("decision", 200))).timing().get("decision"));
        assertEquals(Timing.truncatedExponential(600, 300, 3000), make(Map.of()).timing().get("delay"));
    }
}
