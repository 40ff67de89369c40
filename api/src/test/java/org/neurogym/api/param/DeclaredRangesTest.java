package org.neurogym.api.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranges a ParamSpec declares: checked by Params on every given value, shown by describe(). */
class DeclaredRangesTest {

    private static final List<ParamSpec> SCHEMA = List.of(
            ParamSpec.integer("dim_ring", 2, "Choices.").min(2),
            ParamSpec.number("tau", 100, "Time constant.").positive(),
            ParamSpec.number("p", 0.5, "A probability.").range(0, 1),
            ParamSpec.number("cap", 1, "At most 3.").max(3),
            ParamSpec.string("mode", "random", "Opponent.").oneOf("mean_action", "random"),
            ParamSpec.integer("channel", 0, "0, 1 or 2.").oneOf(0, 1, 2),
            ParamSpec.numbers("cohs", new double[] {0, 6.4}, "Coherences.").nonEmpty().min(0),
            ParamSpec.numbers("pair", new double[] {0.3, 0.7}, "Two probabilities.").length(2).range(0, 1),
            ParamSpec.integers("lens", new int[] {1, 2}, "At least two.").minLength(2),
            ParamSpec.optional("seed", ParamType.INTEGER, "Unset or >= 0.").min(0));

    private static String refused(Map<String, ?> raw) {
        ParameterException e = assertThrows(ParameterException.class, () -> Params.of("Toy-v0", SCHEMA, raw));
        String key = raw.keySet().iterator().next();
        assertEquals(key, e.key());
        return e.getMessage();
    }

    @Test
    void valuesInsideTheirRangesAreAccepted() {
        Params p = Params.of("Toy-v0", SCHEMA, Map.of("dim_ring", 2, "tau", 0.5, "p", 1.0, "cap", 3, "mode", "mean_action",
                "channel", 2, "cohs", List.of(0, 51.2), "pair", List.of(0, 1), "lens", List.of(5, 6, 7), "seed", 0));
        assertEquals(2, p.getInt("dim_ring"));
        assertArrayEquals(new int[] {5, 6, 7}, p.getInts("lens"));
        assertEquals(0, p.getInt("seed"));
    }

    @Test
    void eachRuleNamesTheKeyAndTheValue() {
        assertEquals("dim_ring must be >= 2, got 1 (Toy-v0)", refused(Map.of("dim_ring", 1)));
        assertEquals("tau must be positive, got 0 (Toy-v0)", refused(Map.of("tau", 0)));
        assertEquals("p must be in [0, 1], got 1.5 (Toy-v0)", refused(Map.of("p", 1.5)));
        assertEquals("cap must be <= 3, got 4 (Toy-v0)", refused(Map.of("cap", 4)));
        assertEquals("mode must be 'mean_action' or 'random', got 'smart' (Toy-v0)", refused(Map.of("mode", "smart")));
        assertEquals("channel must be one of 0, 1, 2, got 3 (Toy-v0)", refused(Map.of("channel", 3)));
        assertEquals("cohs must hold at least one value, got [] (Toy-v0)", refused(Map.of("cohs", List.of())));
        assertEquals("cohs must hold numbers >= 0, got [1.0, -2.0] (Toy-v0)", refused(Map.of("cohs", List.of(1, -2))));
        assertEquals("pair must hold exactly 2 values, got [0.5] (Toy-v0)", refused(Map.of("pair", List.of(0.5))));
        assertEquals("lens must hold at least 2 values, got [1] (Toy-v0)", refused(Map.of("lens", List.of(1))));
        assertEquals("seed must be >= 0, got -1 (Toy-v0)", refused(Map.of("seed", -1)));
    }

    @Test
    void notANumberIsOutsideEveryBound() {
        assertTrue(refused(Map.of("p", Double.NaN)).startsWith("p must be in [0, 1], got NaN"));
    }

    @Test
    void aDefaultOutsideItsOwnRangeIsADeclarationError() {
        assertThrows(ParameterException.class, () -> ParamSpec.integer("dim_ring", 1, "Choices.").min(2));
    }

    @Test
    void describeSaysTheRuleInWords() {
        assertEquals(">= 2", SCHEMA.get(0).allowed().describe());
        assertEquals("positive", SCHEMA.get(1).allowed().describe());
        assertEquals("in [0, 1]", SCHEMA.get(2).allowed().describe());
        assertEquals("'mean_action' or 'random'", SCHEMA.get(4).allowed().describe());
        assertEquals(">= 0, at least one value", SCHEMA.get(6).allowed().describe());
        assertEquals("in [0, 1], exactly 2 values", SCHEMA.get(7).allowed().describe());
        assertEquals("", ParamSpec.bool("abort", false, "Abort.").allowed().describe());
    }
}
