package org.neurogym.api.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurogym.api.Rng;

/** Timing.parse of every configuration form, its errors, round trips and expected step counts. */
class TimingTest {

    private static final String WHERE = "timing.stimulus";

    private static Timing parse(Object value) {
        return Timing.parse(value, WHERE);
    }

    @Test
    void aNumberIsAConstant() {
        assertEquals(new Timing.Constant(300), parse(300));
        assertEquals(new Timing.Constant(300), parse(300L));
        assertEquals(new Timing.Constant(312.5), parse(312.5));
        assertTrue(parse(300).isFixed());
    }

    @Test
    void aListOfNumbersIsAChoice() {
        assertEquals(new Timing.Choice(new double[] {100, 200, 300}), parse(List.of(100L, 200.0, 300)));
        assertEquals(new Timing.Choice(new double[] {100, 200}), parse(new double[] {100, 200}));
        assertEquals(new Timing.Choice(new double[] {100, 200}), parse(new int[] {100, 200}));
    }

    @Test
    void namedDistributions() {
        assertEquals(new Timing.Uniform(400, 600), parse(List.of("uniform", List.of(400, 600))));
        assertEquals(new Timing.Choice(new double[] {1, 2, 3}), parse(List.of("choice", List.of(1, 2, 3))));
        assertEquals(new Timing.TruncatedExponential(400, 100, 500),
                parse(List.of("truncated_exponential", List.of(400, 100, 500))));
        assertEquals(new Timing.TruncatedExponential(400, 100, Double.POSITIVE_INFINITY),
                parse(List.of("truncated_exponential", List.of(400, 100))));
        assertEquals(new Timing.TruncatedExponential(400), parse(List.of("truncated_exponential", List.of(400))));
        assertEquals(new Timing.Constant(500), parse(List.of("constant", 500)));
        assertEquals(new Timing.Constant(500), parse(List.of("constant", List.of(500L))));
        assertEquals(new Timing.Until(700), parse(List.of("until", 700)));
        assertEquals(new Timing.Uniform(1, 2), parse(List.of("uniform", new double[] {1, 2})));
    }

    @Test
    void aTimingIsTakenAsIs() {
        Timing t = Timing.uniform(1, 2);
        assertSame(t, parse(t));
    }

    @Test
    void anUnknownDistributionIsNamedAndTheKnownOnesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(List.of("gaussian", List.of(1, 2))));
        String m = e.getMessage();
        assertTrue(m.contains(WHERE), m);
        assertTrue(m.contains("'gaussian'"), m);
        for (String known : List.of("constant", "uniform", "choice", "truncated_exponential", "until")) {
            assertTrue(m.contains(known), m);
        }
        assertFalse(m.toLowerCase().contains("did you mean"), "nothing is close to gaussian: " + m);
    }

    static Stream<Arguments> wrongArity() {
        return Stream.of(
                Arguments.of(List.of("uniform", List.of(1))),
                Arguments.of(List.of("uniform", List.of(1, 2, 3))),
                Arguments.of(List.of("constant", List.of(1, 2))),
                Arguments.of(List.of("truncated_exponential", List.of())),
                Arguments.of(List.of("truncated_exponential", List.of(1, 2, 3, 4))),
                Arguments.of(List.of("until", List.of(1, 2))),
                Arguments.of(List.of("uniform")),
                Arguments.of(List.of("uniform", List.of(1, 2), 3)));
    }

    @ParameterizedTest
    @MethodSource("wrongArity")
    void wrongArityIsAnErrorNamingTheTiming(Object value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(value));
        assertTrue(e.getMessage().startsWith(WHERE), e.getMessage());
    }

    static Stream<Arguments> notATiming() {
        return Stream.of(
                Arguments.of("300"),
                Arguments.of(List.of()),
                Arguments.of(Map.of("uniform", List.of(1, 2))),
                Arguments.of(List.of(100, "200")),
                Arguments.of(List.of("uniform", List.of("a", "b"))),
                Arguments.of(List.of("uniform", "a")),
                Arguments.of(List.of("uniform", List.of(600, 400))),
                Arguments.of(List.of("truncated_exponential", List.of(0, 100))),
                Arguments.of(List.of("constant", -1)),
                Arguments.of(List.of("choice", List.of())),
                Arguments.of(List.of("choice", List.of(100, Double.NaN))),
                Arguments.of(List.of("uniform", List.of(-100, 200))),
                Arguments.of(List.of("uniform", List.of(Double.NaN, 200))),
                Arguments.of(List.of("truncated_exponential", List.of(500, 900, 100))),
                Arguments.of(List.of("truncated_exponential", List.of(500, -1, 100))),
                Arguments.of(List.of("truncated_exponential", List.of(Double.NaN, 0, 100))),
                Arguments.of(List.of("until", Double.POSITIVE_INFINITY)));
    }

    @ParameterizedTest
    @MethodSource("notATiming")
    void invalidValuesAreErrorsNamingTheTiming(Object value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(value));
        assertTrue(e.getMessage().contains(WHERE), e.getMessage());
    }

    static Stream<Arguments> invalidPlainValues() {
        return Stream.of(Arguments.of(-5), Arguments.of(Double.NaN), Arguments.of(List.of(100, -100)));
    }

    @ParameterizedTest
    @MethodSource("invalidPlainValues")
    void invalidPlainValuesAreErrorsNamingTheTiming(Object value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(value));
        assertTrue(e.getMessage().contains(WHERE), "the message should name " + WHERE + ": " + e.getMessage());
    }

    @Test
    void infiniteDurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Timing.uniform(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> parse(Double.POSITIVE_INFINITY));
    }

    @Test
    void truncatedExponentialRejectsParametersThatCannotBeSampled() {
        assertThrows(IllegalArgumentException.class,
                () -> parse(List.of("truncated_exponential", List.of(Double.POSITIVE_INFINITY))));
        assertThrows(IllegalArgumentException.class, () -> new Timing.TruncatedExponential(100, 0, Double.NaN));
    }

    @Test
    void truncatedExponentialNeedsMinNoGreaterThanMax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(List.of("truncated_exponential", List.of(500, 900, 100))));
        assertTrue(e.getMessage().startsWith(WHERE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("min <= max"), e.getMessage());
        assertTrue(parse(List.of("truncated_exponential", List.of(500, 900, 900))).isFixed());
    }

    @Test
    void truncatedExponentialRefusesAWindowItWouldNeverDraw() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(List.of("truncated_exponential", List.of(1, 1000, 2000))));
        assertTrue(e.getMessage().startsWith(WHERE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("tail"), e.getMessage());
        // far out yet drawable in a few thousand tries
        Timing far = parse(List.of("truncated_exponential", List.of(100, 800)));
        assertTrue(far.sample(new Rng(1)) >= 800);
    }

    static Stream<Timing> everyKind() {
        return Stream.of(Timing.constant(300), Timing.constant(12.5), Timing.uniform(400, 600),
                Timing.choice(100, 200, 300), Timing.truncatedExponential(400, 100, 500),
                Timing.truncatedExponential(400, 100), Timing.until(700));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void toValueRoundTrips(Timing t) {
        assertEquals(t, Timing.parse(t.toValue(), WHERE));
    }

    @Test
    void toValueHasTheConfigurationForm() {
        assertEquals(List.of("uniform", List.of(400.0, 600.0)), Timing.uniform(400, 600).toValue());
        assertEquals(300.0, Timing.constant(300).toValue());
        assertEquals(List.of("truncated_exponential", List.of(400.0, 100.0)), Timing.truncatedExponential(400, 100).toValue());
        assertEquals(List.of("until", 700.0), Timing.until(700).toValue());
    }

    // ---------------------------------------------------------------- expected steps

    private static double monteCarloSteps(Timing t, double dt, int n, long seed) {
        Rng rng = new Rng(seed);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = t.sample(rng);
            sum += Math.floor(x / dt);
        }
        return sum / n;
    }

    static Stream<Arguments> distributions() {
        return Stream.of(
                Arguments.of(Timing.uniform(400, 600), 100.0),
                Arguments.of(Timing.uniform(0, 1000), 30.0),
                Arguments.of(Timing.uniform(55, 60), 10.0),
                Arguments.of(Timing.choice(250, 300, 1010), 100.0),
                Arguments.of(Timing.truncatedExponential(400, 100, 500), 100.0),
                Arguments.of(Timing.truncatedExponential(300, 0), 20.0),
                Arguments.of(Timing.truncatedExponential(600, 300, 3000), 50.0),
                Arguments.of(new Timing.TruncatedExponential(100), 7.0));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void meanStepsAgreesWithMonteCarlo(Timing t, double dt) {
        double expected = t.meanSteps(dt);
        double estimate = monteCarloSteps(t, dt, 200_000, 12);
        assertEquals(expected, estimate, Math.max(0.02, 0.01 * expected), t + " dt " + dt);
    }

    @Test
    void meanStepsByHand() {
        assertEquals(3.0, Timing.constant(399).meanSteps(100));
        assertEquals(4.5, Timing.uniform(400, 600).meanSteps(100), 1e-12);
        assertEquals(5.0, Timing.uniform(500, 500).meanSteps(100));
        assertEquals((2 + 3 + 10) / 3.0, Timing.choice(250, 300, 1010).meanSteps(100), 1e-12);
        assertEquals(5.0, Timing.truncatedExponential(400, 500, 500).meanSteps(100), "min == max is max");
        // untruncated exponential: E[floor(X/dt)] = 1 / (exp(dt/mean) - 1)
        assertEquals(1 / (Math.exp(0.5) - 1), new Timing.TruncatedExponential(200).meanSteps(100), 1e-9);
        assertTrue(Double.isNaN(Timing.until(700).meanSteps(100)));
    }

    @Test
    void samplesStayInTheirSupport() {
        Rng rng = new Rng(2);
        Timing te = Timing.truncatedExponential(400, 100, 500);
        Timing u = Timing.uniform(400, 600);
        for (int i = 0; i < 10000; i++) {
            double x = te.sample(rng);
            assertTrue(x >= 100 && x < 500, "te " + x);
            double y = u.sample(rng);
            assertTrue(y >= 400 && y < 600, "uniform " + y);
        }
        assertEquals(500.0, Timing.truncatedExponential(400, 500, 500).sample(rng));
        assertThrows(UnsupportedOperationException.class, () -> Timing.until(5).sample(rng));
    }

    @Test
    void isFixed() {
        assertTrue(Timing.uniform(5, 5).isFixed());
        assertFalse(Timing.uniform(5, 6).isFixed());
        assertTrue(Timing.choice(3, 3).isFixed());
        assertFalse(Timing.choice(3, 4).isFixed());
        assertTrue(Timing.truncatedExponential(100, 500, 500).isFixed());
        assertFalse(new Timing.TruncatedExponential(100).isFixed());
        assertFalse(Timing.until(5).isFixed());
    }

    @Test
    void choiceIsDefensive() {
        double[] values = {1, 2};
        Timing.Choice c = new Timing.Choice(values);
        values[0] = 99;
        c.values()[1] = 99;
        assertEquals(new Timing.Choice(new double[] {1, 2}), c);
        assertEquals(new Timing.Choice(new double[] {1, 2}).hashCode(), c.hashCode());
    }

    @Test
    void descriptions() {
        assertEquals("uniform(400, 600)", Timing.uniform(400, 600).toString());
        assertEquals("choice(1, 2.5)", Timing.choice(1, 2.5).toString());
        assertEquals("300", Timing.constant(300).toString());
        assertInstanceOf(Timing.Until.class, Timing.until(1));
    }
}
