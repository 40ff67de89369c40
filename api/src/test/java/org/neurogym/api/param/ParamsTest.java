package org.neurogym.api.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.timing.Timing;

/** Parameter validation and the rewards/timing tables merged over a task's defaults. */
class ParamsTest {

    private static final String OWNER = "Toy-v0";

    private static final List<ParamSpec> SCHEMA = List.of(
            ParamSpec.dt(100),
            ParamSpec.integer("dim_ring", 16, "Number of ring inputs."),
            ParamSpec.number("sigma", 1.0, "Input noise."),
            ParamSpec.bool("abort", false, "Abort on fixation breaks."),
            ParamSpec.string("mode", "left", "Mode."),
            ParamSpec.numbers("cohs", new double[] {0, 6.4}, "Coherences."),
            ParamSpec.integers("lags", new int[] {1, 2}, "Lags."),
            ParamSpec.matrix("probs", new double[][] {{0.5, 0.5}}, "Probabilities."),
            ParamSpec.rewards(),
            ParamSpec.timing());

    private static Params of(Map<String, ?> raw) {
        return Params.of(OWNER, SCHEMA, raw);
    }

    @Test
    void defaultsAreFilledIn() {
        Params p = of(Map.of());
        assertEquals(100.0, p.getDouble("dt"));
        assertEquals(16, p.getInt("dim_ring"));
        assertEquals(1.0, p.getDouble("sigma"));
        assertFalse(p.getBoolean("abort"));
        assertEquals("left", p.getString("mode"));
        assertArrayEquals(new double[] {0, 6.4}, p.getDoubles("cohs"));
        assertArrayEquals(new int[] {1, 2}, p.getInts("lags"));
        assertArrayEquals(new double[] {0.5, 0.5}, p.getMatrix("probs")[0]);
        assertEquals(Map.of(), p.getRewards("rewards"));
        assertEquals(Map.of(), p.getTiming("timing"));
        assertFalse(p.isGiven("dim_ring"));
        assertEquals(OWNER, p.owner());
        assertEquals(Params.of(OWNER, SCHEMA, null).asMap(), p.asMap());
    }

    @Test
    void givenValuesWinAndAreMarked() {
        Params p = of(Map.of("dim_ring", 8, "mode", "right"));
        assertEquals(8, p.getInt("dim_ring"));
        assertEquals("right", p.getString("mode"));
        assertTrue(p.isGiven("dim_ring"));
        assertFalse(p.isGiven("sigma"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheNearestSuggestion() {
        ParameterException e = assertThrows(ParameterException.class, () -> of(Map.of("dim_rng", 8)));
        assertEquals("dim_rng", e.key());
        String m = e.getMessage();
        assertTrue(m.contains("'dim_rng'"), m);
        assertTrue(m.contains("did you mean 'dim_ring'"), m);
        assertTrue(m.contains(OWNER), m);
    }

    @Test
    void anUnknownKeyFarFromEverythingGetsNoSuggestion() {
        ParameterException e = assertThrows(ParameterException.class, () -> of(Map.of("zzzzzzzz", 1)));
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertTrue(e.getMessage().contains("dim_ring"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void aWrongTypeIsNamed() {
        for (Object bad : List.of("sixteen", 2.5, true, List.of(1), 1L << 40)) {
            ParameterException e = assertThrows(ParameterException.class, () -> of(Map.of("dim_ring", bad)), "" + bad);
            assertEquals("dim_ring", e.key());
            assertTrue(e.getMessage().contains("'dim_ring'"), e.getMessage());
            assertTrue(e.getMessage().contains(OWNER), e.getMessage());
        }
        assertEquals("sigma", assertThrows(ParameterException.class, () -> of(Map.of("sigma", "high"))).key());
        assertEquals("abort", assertThrows(ParameterException.class, () -> of(Map.of("abort", "true"))).key());
        assertEquals("mode", assertThrows(ParameterException.class, () -> of(Map.of("mode", 3))).key());
        assertEquals("cohs", assertThrows(ParameterException.class, () -> of(Map.of("cohs", List.of(1, "x")))).key());
        assertEquals("lags", assertThrows(ParameterException.class, () -> of(Map.of("lags", List.of(1.5)))).key());
    }

    @Test
    void tomlValuesConvert() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("dt", 20L);
        raw.put("dim_ring", 32L);
        raw.put("sigma", 2L);
        raw.put("cohs", List.of(0L, 12.8, 25.6));
        raw.put("lags", List.of(3L, 4.0));
        raw.put("probs", List.of(List.of(0.2, 0.8), List.of(1L, 0L)));
        raw.put("rewards", Map.of("correct", 2L));
        raw.put("timing", Map.of("fixation", 300L, "stimulus", List.of("uniform", List.of(400L, 600.0))));
        Params p = of(raw);
        assertEquals(20.0, p.getDouble("dt"));
        assertEquals(32, p.getInt("dim_ring"));
        assertEquals(2.0, p.getDouble("sigma"));
        assertArrayEquals(new double[] {0, 12.8, 25.6}, p.getDoubles("cohs"));
        assertArrayEquals(new int[] {3, 4}, p.getInts("lags"));
        assertArrayEquals(new double[] {1, 0}, p.getMatrix("probs")[1]);
        assertEquals(Map.of("correct", 2.0), p.getRewards("rewards"));
        assertEquals(Timing.constant(300), p.getTiming("timing").get("fixation"));
        assertEquals(Timing.uniform(400, 600), p.getTiming("timing").get("stimulus"));
        assertEquals(16, of(Map.of("dim_ring", 16.0)).getInt("dim_ring"), "an integral double is an integer");
        assertEquals(List.of(0.0, 12.8, 25.6), p.asMap().get("cohs"), "plain form for output");
    }

    @Test
    void badTableEntriesAreNamedByTheirPath() {
        ParameterException r = assertThrows(ParameterException.class, () -> of(Map.of("rewards", Map.of("correct", "a lot"))));
        assertEquals("rewards.correct", r.key());
        ParameterException t = assertThrows(ParameterException.class,
                () -> of(Map.of("timing", Map.of("stimulus", List.of("gaussian", List.of(1, 2))))));
        assertEquals("timing.stimulus", t.key());
        assertTrue(t.getMessage().contains("gaussian"), t.getMessage());
        assertEquals("rewards", assertThrows(ParameterException.class, () -> of(Map.of("rewards", 3))).key());
    }

    @Test
    void aNegativeTimingIsNamedInTheMessage() {
        ParameterException t = assertThrows(ParameterException.class, () -> of(Map.of("timing", Map.of("stimulus", -100))));
        assertEquals("timing.stimulus", t.key());
        assertTrue(t.getMessage().contains("stimulus"), t.getMessage());
    }

    @Test
    void returnedArraysAreCopies() {
        Params p = of(Map.of());
        p.getDoubles("cohs")[0] = 99;
        p.getInts("lags")[0] = 99;
        p.getMatrix("probs")[0][0] = 99;
        assertEquals(0.0, p.getDoubles("cohs")[0]);
        assertEquals(1, p.getInts("lags")[0]);
        assertEquals(0.5, p.getMatrix("probs")[0][0]);
        double[] given = {1, 2};
        Params q = of(Map.of("cohs", given));
        given[0] = 99;
        assertEquals(1.0, q.getDoubles("cohs")[0]);
    }

    @Test
    void requiredParametersMustBeGiven() {
        List<ParamSpec> schema = List.of(ParamSpec.required("coh", ParamType.NUMBER, "Coherence to use."), ParamSpec.dt(100));
        ParameterException e = assertThrows(ParameterException.class, () -> Params.of(OWNER, schema, Map.of()));
        assertEquals("coh", e.key());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
        assertEquals(3.0, Params.of(OWNER, schema, Map.of("coh", 3)).getDouble("coh"));
        assertTrue(schema.get(0).isRequired());
        assertFalse(schema.get(1).isRequired());
    }

    @Test
    void readingAsTheWrongTypeOrAnUndeclaredNameIsAnError() {
        Params p = of(Map.of());
        ParameterException e = assertThrows(ParameterException.class, () -> p.getDouble("dim_ring"));
        assertEquals("dim_ring", e.key());
        assertEquals("nope", assertThrows(ParameterException.class, () -> p.get("nope")).key());
        assertEquals("nope", assertThrows(ParameterException.class, () -> p.getInt("nope")).key());
    }

    @Test
    void defaultsAreCheckedAgainstTheirType() {
        assertThrows(ParameterException.class, () -> new ParamSpec("n", ParamType.INTEGER, "x", "A count."));
        assertEquals(3, new ParamSpec("n", ParamType.INTEGER, 3L, "A count.").defaultValue());
        assertThrows(NullPointerException.class, () -> new ParamSpec("n", ParamType.INTEGER, 3, null));
    }

    @Test
    void anyPassesValuesThrough() {
        List<ParamSpec> schema = List.of(new ParamSpec("envs", ParamType.ANY, List.of(), "Env ids."));
        Object value = List.of("A-v0", "B-v0");
        assertEquals(value, Params.of(OWNER, schema, Map.of("envs", value)).get("envs"));
    }

    @Test
    void suggestions() {
        List<String> known = List.of("dim_ring", "dt", "sigma", "timing", "rewards");
        assertEquals(List.of("dim_ring"), Suggestions.closest("dim_rng", known, 3));
        assertEquals(List.of("sigma"), Suggestions.closest("SIGMA", known, 3), "case-insensitive");
        assertEquals("; did you mean 'timing'?", Suggestions.didYouMean("timng", known));
        assertEquals("", Suggestions.didYouMean("qqqqqqqqq", known));
        assertTrue(Suggestions.closest("d", known, 1).size() <= 1);
        assertEquals(1, Suggestions.distance("kitten", "sitten"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    // ---------------------------------------------------------------- rewards and timing of a task

    /** A task with three rewards and two periods, taking overrides from its parameters. */
    static final class RewardedTask extends TrialEnv {
        RewardedTask(Params params) {
            super(params);
            defineRewards(params, "correct", 1, "fail", 0, "abort", -0.1);
            defineTiming(params, "fixation", 100, "stimulus", 500);
            defineSpaces(Box.unbounded(1), new Discrete(2));
        }

        double rewardOf(String name) {
            return reward(name);
        }

        @Override
        protected void onNewTrial(Trial trial) {
            addPeriods("fixation", "stimulus");
        }

        @Override
        protected void onStep(int action, StepResult out) {
            out.setReward(reward(action == 1 ? "correct" : "fail"));
        }
    }

    private static RewardedTask rewarded(Map<String, ?> raw) {
        return new RewardedTask(Params.of(OWNER, List.of(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing()), raw));
    }

    @Test
    void tablesAreMergedOverTheTaskDefaults() {
        RewardedTask t = rewarded(Map.of(
                "rewards", Map.of("fail", -1L),
                "timing", Map.of("stimulus", List.of("choice", List.of(200, 400)))));
        assertEquals(Map.of("correct", 1.0, "fail", -1.0, "abort", -0.1), t.rewards());
        assertEquals(List.of("correct", "fail", "abort"), List.copyOf(t.rewards().keySet()), "declaration order");
        assertEquals(Timing.constant(100), t.timing().get("fixation"));
        assertEquals(Timing.choice(200, 400), t.timing().get("stimulus"));
        assertEquals(-1.0, t.rewardOf("fail"));
        t.reset(0);
        assertEquals(-1.0, t.step(0).reward());
        assertTrue(t.trialLength() == 3 || t.trialLength() == 5);
        assertThrows(UnsupportedOperationException.class, () -> t.rewards().put("x", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> t.timing().put("x", Timing.constant(1)));
    }

    @Test
    void withoutOverridesTheDefaultsStand() {
        RewardedTask t = rewarded(Map.of());
        assertEquals(Map.of("correct", 1.0, "fail", 0.0, "abort", -0.1), t.rewards());
        assertEquals(Timing.constant(500), t.timing().get("stimulus"));
        assertEquals(100.0, t.dt());
    }

    @Test
    void anUnknownRewardIsRejectedWithASuggestion() {
        ParameterException e = assertThrows(ParameterException.class, () -> rewarded(Map.of("rewards", Map.of("corect", 2))));
        assertEquals("rewards.corect", e.key());
        assertTrue(e.getMessage().contains("'corect'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'correct'"), e.getMessage());
    }

    @Test
    void anUnknownPeriodIsRejectedWithASuggestion() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> rewarded(Map.of("timing", Map.of("stimuls", 300))));
        assertEquals("timing.stimuls", e.key());
        assertTrue(e.getMessage().contains("'stimuls'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'stimulus'"), e.getMessage());
    }

    @Test
    void askingForAnUndeclaredRewardIsAnError() {
        RewardedTask t = rewarded(Map.of());
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> t.rewardOf("bonus"));
        assertTrue(e.getMessage().contains("'bonus'"), e.getMessage());
    }

    @Test
    void dtComesFromTheParameters() {
        RewardedTask t = rewarded(Map.of("dt", 50));
        assertEquals(50.0, t.dt());
        t.reset(0);
        assertEquals(12, t.trialLength(), "100 + 500 ms in 50 ms steps");
        ParameterException e = assertThrows(ParameterException.class, () -> rewarded(Map.of("dt", 0)));
        assertEquals("dt", e.key());
        assertInstanceOf(NeuroGymException.class, e);
    }

    @Test
    void optionalParametersMayBeLeftUnset() {
        List<ParamSpec> schema = List.of(ParamSpec.optional("block", ParamType.INTEGER, "Block length; none by default."),
                ParamSpec.dt(100));
        Params unset = Params.of(OWNER, schema, Map.of());
        assertFalse(unset.isSet("block"));
        assertTrue(unset.isSet("dt"));
        ParameterException e = assertThrows(ParameterException.class, () -> unset.getInt("block"));
        assertEquals("block", e.key());
        assertTrue(e.getMessage().contains("isSet"), e.getMessage());
        assertFalse(unset.asMap().containsKey("block"));
        Params set = Params.of(OWNER, schema, Map.of("block", 40L));
        assertTrue(set.isSet("block"));
        assertEquals(40, set.getInt("block"));
        assertFalse(schema.get(0).isRequired());
        assertEquals("nope", assertThrows(ParameterException.class, () -> unset.isSet("nope")).key());
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec("x", ParamType.INTEGER, 1, "X.", true));
        assertEquals("block", assertThrows(ParameterException.class,
                () -> Params.of(OWNER, schema, Map.of("block", "long"))).key());
    }

    static Stream<Arguments> nonFiniteValues() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of("sigma", nan, "sigma"),
                Arguments.of("sigma", inf, "sigma"),
                Arguments.of("sigma", -inf, "sigma"),
                Arguments.of("dt", nan, "dt"),
                Arguments.of("cohs", List.of(0.0, nan), "cohs[1]"),
                Arguments.of("cohs", new double[] {inf}, "cohs[0]"),
                Arguments.of("probs", List.of(List.of(0.5, 0.5), List.of(-inf, 1.0)), "probs[1][0]"),
                Arguments.of("rewards", Map.of("correct", nan), "rewards.correct"),
                Arguments.of("rewards", Map.of("fail", -inf), "rewards.fail"),
                Arguments.of("timing", Map.of("stimulus", nan), "timing.stimulus"),
                Arguments.of("timing", Map.of("stimulus", List.of("uniform", List.of(100, inf))), "timing.stimulus"));
    }

    @ParameterizedTest
    @MethodSource("nonFiniteValues")
    void nanAndInfinitiesAreRefusedNamingTheKey(String name, Object value, String key) {
        ParameterException e = assertThrows(ParameterException.class, () -> of(Map.of(name, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(OWNER), e.getMessage());
    }

    @Test
    void numbersNestedInAnAnyValueMustBeFiniteToo() {
        List<ParamSpec> schema = List.of(new ParamSpec("session", ParamType.ANY, Map.of(), "Session."));
        ParameterException e = assertThrows(ParameterException.class,
                () -> Params.of(OWNER, schema, Map.of("session", Map.of("v", List.of(1.0, Double.NaN)))));
        assertEquals("session.v[1]", e.key());
        assertEquals(Map.of("v", List.of(1.0)), Params.of(OWNER, schema, Map.of("session", Map.of("v", List.of(1.0)))).get("session"));
    }

    @Test
    void aSpecMayAllowNonFiniteValues() {
        ParamSpec limit = new ParamSpec("limit", ParamType.NUMBER, Double.POSITIVE_INFINITY, "No limit by default.", false, Allowed.ANY.withNonFinite());
        ParamSpec sigma = ParamSpec.number("sigma", 1.0, "Noise.");
        Params p = Params.of(OWNER, List.of(limit, sigma.allowingNonFinite()), Map.of("sigma", Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, p.getDouble("limit"));
        assertTrue(Double.isNaN(p.getDouble("sigma")));
        ParameterException e = assertThrows(ParameterException.class,
                () -> ParamSpec.number("limit", Double.POSITIVE_INFINITY, "A default is checked too."));
        assertEquals("limit", e.key());
    }

    @Test
    void overlayMergesNestedTablesKeyByKeyAndChangesNeitherArgument() {
        Map<String, Object> base = Map.of("sigma", 1.0, "rewards", Map.of("correct", 1.0, "fail", 0.0));
        Map<String, Object> over = Map.of("rewards", Map.of("fail", -1.0), "dt", 20);
        Map<String, Object> out = Params.overlay(base, over);
        assertEquals(Map.of("sigma", 1.0, "dt", 20, "rewards", Map.of("correct", 1.0, "fail", -1.0)), out);
        assertEquals(Map.of("correct", 1.0, "fail", 0.0), base.get("rewards"));
        assertEquals(Map.of("x", 2), Params.overlay(Map.of("x", Map.of("a", 1)), Map.of("x", 2))); // a value replaces a table
    }
}
