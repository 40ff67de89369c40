package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

/** Ports of the reference's test_annubes.py checks. */
class AnnubesEnvTest {

    private static final int TRIALS = 1000;

    private static AnnubesEnv make(Map<String, ?> params) {
        return Probe.make(AnnubesEnv.DESCRIPTOR, params);
    }

    private static Map<String, Object> custom() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("session", Map.of("v", 1));
        p.put("intensities", List.of(0.5, 1.0));
        p.put("stim_time", 800);
        p.put("catch_prob", 0.3);
        p.put("fix_intensity", 0.1);
        p.put("fix_time", 300);
        p.put("dt", 50);
        p.put("tau", 80);
        p.put("output_behavior", List.of(0, 0.5, 1));
        p.put("noise_std", 0.02);
        p.put("rewards", Map.of("abort", -0.2, "correct", 1.5, "fail", -0.5));
        p.put("random_seed", 42);
        return p;
    }

    private static Map<String, Object> session(Object... kv) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) s.put((String) kv[i], kv[i + 1]);
        return s;
    }

    /** The trial's stimulus as its session key (modalities joined by '+'), or null on a catch trial. */
    private static String shown(org.neurogym.api.Trial trial) {
        List<?> types = (List<?>) trial.get("stim_types");
        if ((Boolean) trial.get("catch")) {
            assertTrue(types.isEmpty());
            return null;
        }
        return String.join("+", types.stream().map(String::valueOf).toList());
    }

    static Stream<Object> timings() {
        return Stream.of(500, 500.0, List.of(300, 400, 500), List.of("uniform", List.of(300, 500)),
                List.of("choice", List.of(300, 400, 500)), List.of("truncated_exponential", List.of(300, 500, 400)),
                List.of("constant", 500));
    }

    @ParameterizedTest
    @MethodSource("timings")
    void fixationAndItiAcceptEveryTimingForm(Object timing) {
        AnnubesEnv env = make(Map.of("fix_time", timing, "iti", timing));
        env.reset(1);
        for (int i = 0; i < 50; i++) {
            env.newTrial(Map.of());
            for (String p : List.of("fixation", "iti")) {
                double ms = (env.periodEnd(p) - env.periodStart(p)) * env.dt();
                assertTrue(ms >= 300 && ms <= 500, p + " lasted " + ms + " ms for timing " + timing);
                if (timing instanceof List<?> l && l.get(0) instanceof Number) assertTrue(l.contains((int) ms));
            }
            assertEquals(1000, (env.periodEnd("stimulus") - env.periodStart("stimulus")) * env.dt(), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.7, 1.0})
    void catchTrialsAppearWithTheirProbability(double catchProb) {
        AnnubesEnv env = make(Map.of("catch_prob", catchProb, "random_seed", 42));
        env.reset(0);
        int catches = 0;
        for (int i = 0; i < TRIALS; i++) if ((Boolean) env.newTrial(Map.of()).get("catch")) catches++;
        assertEquals(catchProb, catches / (double) TRIALS, 0.05);
    }

    static Stream<Arguments> sequentialCases() {
        return Stream.of(
                Arguments.of(session("v", 0.5, "a", 0.5), 0.5, 3),
                Arguments.of(session("v", 0.3, "a", 0.7), 0.1, 4),
                Arguments.of(session("v", 0.3, "a", 0.3, "av", 0.3), 0.7, 4));
    }

    @ParameterizedTest
    @MethodSource("sequentialCases")
    void noModalityRepeatsMoreThanMaxSequentialTimes(Map<String, Object> session, double catchProb, int maxSequential) {
        AnnubesEnv env = make(Map.of("session", session, "catch_prob", catchProb, "max_sequential", maxSequential));
        env.reset(42);
        List<Object> types = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) types.add(shown(env.newTrial(Map.of())));

        for (int i = 0; i + maxSequential < types.size(); i++) {
            List<Object> window = types.subList(i, i + maxSequential + 1).stream().filter(Objects::nonNull).toList();
            if (window.size() > maxSequential) assertTrue(new HashSet<>(window).size() > 1, "run longer than " + maxSequential + " at " + i);
        }
        Set<Object> seen = new HashSet<>(types);
        seen.remove(null);
        assertEquals(session.keySet(), seen);

        double total = session.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        double nonCatch = TRIALS * (1 - catchProb);
        for (Map.Entry<String, Object> e : session.entrySet()) {
            double expected = nonCatch * ((Number) e.getValue()).doubleValue() / total;
            long count = types.stream().filter(e.getKey()::equals).count();
            assertTrue(count >= 0.7 * expected && count <= 1.3 * expected, e.getKey() + ": " + count + " vs " + expected);
        }
        long catches = types.stream().filter(Objects::isNull).count();
        assertTrue(catches >= 0.7 * TRIALS * catchProb && catches <= 1.3 * TRIALS * catchProb, "catch trials: " + catches);
    }

    @Test
    void observationAndActionSpacesAreNamedAsInTheReference() {
        AnnubesEnv def = make(Map.of());
        AnnubesEnv cus = make(custom());
        // 2.3.0: the modalities' inputs in sorted order
        assertEquals(List.of("fixation", "start", "a", "v"), new ArrayList<>(def.observationSpace().channels().keySet()));
        assertEquals(2, def.observationSpace().channel("a")[0]);
        assertEquals(List.of("fixation", "start", "v"), new ArrayList<>(cus.observationSpace().channels().keySet()));
        assertEquals(3, cus.observationSize());
        assertEquals(2, ((org.neurogym.api.space.Discrete) def.actionSpace()).n());
        assertEquals(3, ((org.neurogym.api.space.Discrete) cus.actionSpace()).n());
        assertEquals("[1]", Arrays.toString(def.actionSpace().channel("choice")));
        assertEquals("[1, 2]", Arrays.toString(cus.actionSpace().channel("choice")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void stepsAreRewardedAsInTheReference(boolean customised) {
        Map<String, Object> params = customised ? custom() : Map.of("catch_prob", 0.0);
        AnnubesEnv env = make(params);
        double abort = env.rewards().get("abort");
        double correct = env.rewards().get("correct");
        double fail = env.rewards().get("fail");
        int n = ((org.neurogym.api.space.Discrete) env.actionSpace()).n();

        env.reset(3);
        StepResult r = env.step(0);
        assertEquals(0.0, r.reward());
        r = env.step(1);
        assertEquals(abort, r.reward(), 1e-12);
        assertFalse(r.newTrial());
        Probe.fixateUntil(env, "stimulus");
        int gt = Probe.gt(env, env.stepIndex());
        r = env.step(gt);
        assertEquals(correct, r.reward(), 1e-12);
        assertFalse(r.newTrial());

        env.reset(4);
        Probe.fixateUntil(env, "stimulus");
        gt = Probe.gt(env, env.stepIndex());
        r = env.step((gt + 1) % n);
        assertEquals(fail, r.reward(), 1e-12);
        assertFalse(r.newTrial());
    }

    @Test
    void stimulusTrialsShowOneModalityAndAskForAResponse() {
        AnnubesEnv env = make(Map.of("catch_prob", 0.0, "noise_std", 0.0));
        env.reset(5);
        for (int i = 0; i < 50; i++) {
            var trial = env.newTrial(Map.of());
            String type = shown(trial);
            int shown = env.observationSpace().channel(type)[0];
            float value = (float) (double) ((Map<?, ?>) trial.get("stim_values")).get(type);
            for (int t = 0; t < env.trialLength(); t++) {
                boolean stim = t >= env.periodStart("stimulus") && t < env.periodEnd("stimulus");
                assertEquals(stim ? 1 : 0, Probe.gt(env, t));
                assertEquals(stim ? 1f : 0f, Probe.ob(env, t, 1));
                assertEquals(stim ? value : 0f, Probe.ob(env, t, shown));
                assertEquals(0f, Probe.ob(env, t, 5 - shown));
            }
        }
        AnnubesEnv catches = make(Map.of("catch_prob", 1.0));
        catches.reset(6);
        assertEquals(true, catches.trial().get("catch"));
        for (int t = 0; t < catches.trialLength(); t++) assertEquals(0, Probe.gt(catches, t));
    }

    @Test
    void theTrialEndsWithTheStimulusWhenThereIsNoInterval() {
        AnnubesEnv env = make(Map.of());
        env.reset(7);
        int steps = 0;
        while (!env.step(0).newTrial()) steps++;
        assertEquals(14, steps); // 5 fixation + 10 stimulus steps, the last one ends the trial
    }

    private static List<Object> trials(AnnubesEnv env, long seed) {
        env.reset(seed);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) out.add(env.newTrial(Map.of()).asMap());
        return out;
    }

    @Test
    void aFrozenRandomSeedFixesTheDrawsWhateverTheResetSeed() {
        Map<String, Object> frozen = Map.of("random_seed", 42, "frozen_seed", true);
        assertEquals(trials(make(frozen), 1), trials(make(frozen), 2));
        assertNotEquals(trials(make(frozen), 1), trials(make(Map.of("random_seed", 43, "frozen_seed", true)), 1));
    }

    @Test
    void anUnfrozenRandomSeedGivesCopiesResetWithOtherSeedsOtherReproducibleDraws() {
        Map<String, Object> seeded = Map.of("random_seed", 42);
        assertEquals(trials(make(seeded), 1), trials(make(seeded), 1));
        assertNotEquals(trials(make(seeded), 1), trials(make(seeded), 2));
        assertNotEquals(trials(make(seeded), 1), trials(make(Map.of("random_seed", 43)), 1));
        assertNotEquals(trials(make(seeded), 1), trials(make(Map.of()), 1));
    }

    @Test
    void drawsFollowTheEnvSeedWithoutRandomSeed() {

        AnnubesEnv c = make(Map.of());
        AnnubesEnv d = make(Map.of());
        c.reset(1);
        d.reset(1);
        List<Object> fromC = new ArrayList<>();
        List<Object> fromD = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fromC.add(c.newTrial(Map.of()).asMap());
            fromD.add(d.newTrial(Map.of()).asMap());
        }
        assertEquals(fromC, fromD);
        d.reset(2);
        List<Object> other = new ArrayList<>();
        for (int i = 0; i < 20; i++) other.add(d.newTrial(Map.of()).asMap());
        assertNotEquals(fromC, other);
    }

    @Test
    void badParametersNameTheirKey() {
        assertEquals("catch_prob", assertThrows(ParameterException.class, () -> make(Map.of("catch_prob", 1.5))).key());
        assertEquals("session", assertThrows(ParameterException.class, () -> make(Map.of("session", Map.of()))).key());
        assertEquals("session.start", assertThrows(ParameterException.class, () -> make(Map.of("session", Map.of("start", 1)))).key());
        assertEquals("fix_time", assertThrows(ParameterException.class, () -> make(Map.of("fix_time", "long"))).key());
        assertEquals("output_behavior", assertThrows(ParameterException.class, () -> make(Map.of("output_behavior", List.of(0)))).key());
        assertEquals("max_sequential", assertThrows(ParameterException.class, () -> make(Map.of("max_sequential", 0))).key());
        assertEquals("random_seed", assertThrows(ParameterException.class, () -> make(Map.of("random_seed", -1))).key());
        assertEquals("session.catch", assertThrows(ParameterException.class, () -> make(Map.of("session", Map.of("catch", 1)))).key());
        assertEquals("session.a+", assertThrows(ParameterException.class, () -> make(Map.of("session", Map.of("a+", 1)))).key());
        assertEquals("intensities.x", assertThrows(ParameterException.class,
                () -> make(Map.of("intensities", Map.of("a", List.of(1), "v", List.of(1), "x", List.of(1))))).key());
        assertEquals("intensities", assertThrows(ParameterException.class, () -> make(Map.of("intensities", Map.of("a", List.of(1))))).key());
        assertEquals("max_sequential.x", assertThrows(ParameterException.class, () -> make(Map.of("max_sequential", Map.of("x", 2)))).key());
        // the reference's satisfiability check: a limited modality that every trial must show
        assertEquals("max_sequential", assertThrows(ParameterException.class,
                () -> make(Map.of("session", Map.of("v", 1), "catch_prob", 0.0, "max_sequential", 2))).key());
        assertEquals("max_sequential", assertThrows(ParameterException.class,
                () -> make(Map.of("catch_prob", 1.0, "max_sequential", Map.of("catch", 2)))).key());
    }

    @Test
    void maxSequentialAndRandomSeedAreOptionalAsInTheReference() {
        for (String name : List.of("max_sequential", "random_seed")) {
            assertTrue(AnnubesEnv.DESCRIPTOR.parameters().stream().anyMatch(s -> s.name().equals(name) && s.optional()), name);
        }
        // unset max_sequential: long runs of one modality occur (with two equally likely modalities, no catch trials)
        AnnubesEnv env = make(Map.of("catch_prob", 0.0));
        env.reset(3);
        int longest = 1;
        int run = 1;
        Object last = shown(env.trial());
        for (int i = 0; i < 500; i++) {
            Object type = shown(env.newTrial(Map.of()));
            run = type.equals(last) ? run + 1 : 1;
            longest = Math.max(longest, run);
            last = type;
        }
        assertTrue(longest >= 5, "longest run " + longest);
    }

    @Test
    void aCombinedStimulusShowsItsModalitiesTogetherEachWithItsOwnIntensities() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("session", session("a+v", 1, "t", 1));
        params.put("catch_prob", 0.0);
        params.put("noise_std", 0.0);
        params.put("intensities", Map.of("a", List.of(0.2), "v", List.of(0.4, 0.6), "t", List.of(0.9)));
        AnnubesEnv env = make(params);
        assertEquals(List.of("fixation", "start", "a", "t", "v"), new ArrayList<>(env.observationSpace().channels().keySet()));
        env.reset(8);
        int combined = 0;
        for (int i = 0; i < 200; i++) {
            var trial = env.newTrial(Map.of());
            Map<?, ?> values = (Map<?, ?>) trial.get("stim_values");
            int t = env.periodStart("stimulus");
            if (shown(trial).equals("a+v")) {
                combined++;
                assertEquals(0.2f, Probe.ob(env, t, 2));
                float v = Probe.ob(env, t, 4);
                assertTrue(v == 0.4f || v == 0.6f, "v intensity " + v);
                assertEquals((double) v, ((Number) values.get("v")).doubleValue(), 1e-6);
                assertEquals(0f, Probe.ob(env, t, 3));
            } else {
                assertEquals("t", shown(trial));
                assertEquals(0.9f, Probe.ob(env, t, 3));
                assertEquals(0f, Probe.ob(env, t, 2) + Probe.ob(env, t, 4));
            }
            assertEquals(1, Probe.gt(env, t));
        }
        assertTrue(combined > 70 && combined < 130, "a+v on about half the trials: " + combined);
    }

    @Test
    void maxSequentialPerModalityAndForCatchTrials() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("session", session("a", 0.9, "v", 0.1));
        params.put("catch_prob", 0.6);
        params.put("max_sequential", Map.of("a", 2, "catch", 1));
        AnnubesEnv env = make(params);
        env.reset(9);
        int runA = 0;
        int runCatch = 0;
        int longestV = 0;
        int runV = 0;
        for (int i = 0; i < 2000; i++) {
            String type = shown(env.newTrial(Map.of()));
            runA = "a".equals(type) ? runA + 1 : 0;
            runCatch = type == null ? runCatch + 1 : 0;
            runV = "v".equals(type) ? runV + 1 : 0;
            longestV = Math.max(longestV, runV);
            assertTrue(runA <= 2, "a shown " + runA + " times in a row at " + i);
            assertTrue(runCatch <= 1, "two catch trials in a row at " + i);
            Map<?, ?> counts = (Map<?, ?>) env.trial().get("sequential_count");
            assertEquals(runA, counts.get("a"));
            assertEquals(runCatch, counts.get("catch"));
        }
        assertTrue(longestV >= 2, "v has no maximum: " + longestV);
    }
}
