package org.neurogym.api.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurogym.api.Rng;

/**
 * The duration of a period in milliseconds: a constant or a distribution, as the reference's
 * {@code timing} dicts give them. {@link org.neurogym.api.TrialEnv} floors every sample to a
 * multiple of dt.
 *
 * <p>{@link #parse} accepts the forms a TOML file or a {@code Map} carries: a number, a list of
 * numbers (choose one), or {@code [name, args]} with name {@code constant}, {@code uniform},
 * {@code choice}, {@code truncated_exponential} or {@code until}.
 */
public sealed interface Timing {

    /** Draws one duration in ms (not yet floored to dt). */
    double sample(Rng rng);

    /** True when every sample is the same value. */
    default boolean isFixed() {
        return false;
    }

    /** The expected number of dt steps, E[floor(duration / dt)]; NaN when it depends on the trial. */
    double meanSteps(double dt);

    /** The value in the form {@link #parse} reads back (number, list or [name, args]). */
    Object toValue();

    /**
     * A duration in ms that no sample exceeds, for checking a timing against dt before any trial
     * is built. An unbounded exponential gives min + 40 means (exceeded with probability e^-40);
     * {@code until} gives its end time.
     */
    double bound();

    record Constant(double value) implements Timing {
        public Constant {
            requireNonNegative(value, "constant");
        }

        @Override public double sample(Rng rng) { return value; }
        @Override public boolean isFixed() { return true; }
        @Override public double meanSteps(double dt) { return Math.floor(value / dt); }
        @Override public Object toValue() { return value; }
        @Override public double bound() { return value; }
        @Override public String toString() { return fmt(value); }
    }

    record Uniform(double low, double high) implements Timing {
        public Uniform {
            requireNonNegative(low, "uniform low");
            requireNonNegative(high, "uniform high");
            if (!(high >= low)) throw new IllegalArgumentException("uniform timing needs low <= high, got " + low + ", " + high);
        }

        @Override public double sample(Rng rng) { return rng.uniform(low, high); }
        @Override public boolean isFixed() { return low == high; }

        @Override
        public double meanSteps(double dt) {
            if (high == low) return Math.floor(low / dt);
            double sum = 0;
            for (long k = 1; k * dt < high; k++) {
                double x = k * dt;
                sum += x <= low ? 1.0 : (high - x) / (high - low);
            }
            return sum;
        }

        @Override public Object toValue() { return List.of("uniform", List.of(low, high)); }
        @Override public double bound() { return high; }
        @Override public String toString() { return "uniform(" + fmt(low) + ", " + fmt(high) + ")"; }
    }

    record Choice(double[] values) implements Timing {
        public Choice {
            if (values.length == 0) throw new IllegalArgumentException("choice timing needs at least one value");
            for (double v : values) requireNonNegative(v, "choice");
            values = values.clone();
        }

        @Override public double sample(Rng rng) { return rng.choice(values); }
        @Override public boolean isFixed() { return Arrays.stream(values).distinct().count() == 1; }

        @Override
        public double meanSteps(double dt) {
            return Arrays.stream(values).map(v -> Math.floor(v / dt)).average().orElse(0);
        }

        @Override
        public Object toValue() {
            List<Object> list = new ArrayList<>();
            for (double v : values) list.add(v);
            return List.of("choice", list);
        }

        @Override public double bound() { return Arrays.stream(values).max().orElse(0); }
        @Override public double[] values() { return values.clone(); }
        @Override public boolean equals(Object o) { return o instanceof Choice c && Arrays.equals(values, c.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("choice(");
            for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ", ").append(fmt(values[i]));
            return sb.append(')').toString();
        }
    }

    /**
     * Exponential with the given mean, redrawn until it falls in [min, max); max when min == max.
     * The reference also returns max when min > max; we refuse that as a mistaken order, and a
     * window so far in the tail that the redrawing would practically never end.
     */
    record TruncatedExponential(double mean, double min, double max) implements Timing {
        /** Below this chance of a draw landing in [min, max) the redrawing is refused as endless. */
        private static final double MIN_ACCEPTANCE = 1e-6;

        public TruncatedExponential {
            if (!(mean > 0) || Double.isInfinite(mean)) {
                throw new IllegalArgumentException("truncated_exponential needs a finite positive mean, got " + mean);
            }
            requireNonNegative(min, "truncated_exponential min");
            if (Double.isNaN(max) || max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("truncated_exponential max must be a number or +Infinity, got " + max);
            }
            if (min > max) {
                throw new IllegalArgumentException("truncated_exponential needs min <= max, got min " + fmt(min) + " > max " + fmt(max));
            }
            if (min < max && Math.exp(-min / mean) - (Double.isInfinite(max) ? 0 : Math.exp(-max / mean)) < MIN_ACCEPTANCE) {
                throw new IllegalArgumentException("truncated_exponential [" + fmt(min) + ", " + fmt(max)
                        + ") lies too far in the tail of an exponential of mean " + fmt(mean) + " to be drawn; raise the mean");
            }
        }

        public TruncatedExponential(double mean) {
            this(mean, 0, Double.POSITIVE_INFINITY);
        }

        @Override
        public double sample(Rng rng) {
            if (min == max) return max;
            while (true) {
                double x = rng.exponential(mean);
                if (x >= min && x < max) return x;
            }
        }

        @Override public boolean isFixed() { return min == max; }

        /** Far enough in the tail that no draw in practice goes beyond. */
        private static final double TAIL_MEANS = 40;

        @Override
        public double bound() {
            return Math.min(max, min + TAIL_MEANS * mean);
        }

        @Override
        public double meanSteps(double dt) {
            if (min == max) return Math.floor(max / dt);
            double tailMax = Double.isInfinite(max) ? 0 : Math.exp(-max / mean);
            double norm = Math.exp(-min / mean) - tailMax;
            double sum = 0;
            for (long k = 1; ; k++) {
                double x = k * dt;
                if (x >= max) break;
                double p = x <= min ? 1.0 : (Math.exp(-x / mean) - tailMax) / norm;
                sum += p;
                if (p < 1e-15) break;
            }
            return sum;
        }

        @Override
        public Object toValue() {
            return Double.isInfinite(max) ? List.of("truncated_exponential", List.of(mean, min))
                    : List.of("truncated_exponential", List.of(mean, min, max));
        }

        @Override
        public String toString() {
            return "truncated_exponential(mean " + fmt(mean) + ", min " + fmt(min)
                    + (Double.isInfinite(max) ? "" : ", max " + fmt(max)) + ")";
        }
    }

    /** Lasts until the given time since trial start: the duration is computed when the period is added. */
    record Until(double end) implements Timing {
        public Until {
            requireNonNegative(end, "until");
        }

        @Override
        public double sample(Rng rng) {
            throw new UnsupportedOperationException("'until' timing depends on the trial; TrialEnv resolves it");
        }

        @Override public double meanSteps(double dt) { return Double.NaN; }
        @Override public Object toValue() { return List.of("until", end); }
        @Override public double bound() { return end; }
        @Override public String toString() { return "until(" + fmt(end) + ")"; }
    }

    static Timing constant(double ms) { return new Constant(ms); }
    static Timing uniform(double low, double high) { return new Uniform(low, high); }
    static Timing choice(double... ms) { return new Choice(ms); }
    static Timing truncatedExponential(double mean, double min, double max) { return new TruncatedExponential(mean, min, max); }
    static Timing truncatedExponential(double mean, double min) { return new TruncatedExponential(mean, min, Double.POSITIVE_INFINITY); }
    static Timing until(double ms) { return new Until(ms); }

    /**
     * Reads a timing from a configuration value. {@code where} names it in errors (e.g. {@code timing.stimulus}).
     */
    static Timing parse(Object value, String where) {
        try {
            return parsePlain(value, where);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) throw e;
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Timing parsePlain(Object value, String where) {
        if (value instanceof Timing t) return t;
        if (value instanceof Number n) return new Constant(n.doubleValue());
        if (value instanceof double[] a) return new Choice(a);
        if (value instanceof int[] a) return new Choice(Arrays.stream(a).asDoubleStream().toArray());
        if (value instanceof List<?> list && !list.isEmpty()) {
            if (list.get(0) instanceof String name) {
                if (list.size() != 2) throw bad(where, value, "[name, args] has exactly two elements");
                return named(name, list.get(1), where);
            }
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw bad(where, value, "a list of durations holds numbers only");
                values[i] = n.doubleValue();
            }
            return new Choice(values);
        }
        throw bad(where, value, "expected a number, a list of numbers, or [name, args]");
    }

    private static Timing named(String name, Object args, String where) {
        double[] a = numbers(args, where);
        try {
            switch (name) {
                case "constant":
                    if (a.length != 1) throw bad(where, args, "constant takes one number");
                    return new Constant(a[0]);
                case "uniform":
                    if (a.length != 2) throw bad(where, args, "uniform takes [low, high]");
                    return new Uniform(a[0], a[1]);
                case "choice":
                    return new Choice(a);
                case "truncated_exponential":
                    if (a.length < 1 || a.length > 3) throw bad(where, args, "truncated_exponential takes [mean, min?, max?]");
                    return new TruncatedExponential(a[0], a.length > 1 ? a[1] : 0, a.length > 2 ? a[2] : Double.POSITIVE_INFINITY);
                case "until":
                    if (a.length != 1) throw bad(where, args, "until takes one number");
                    return new Until(a[0]);
                default:
                    throw new IllegalArgumentException(where + ": unknown timing distribution '" + name
                            + "'; known: constant, uniform, choice, truncated_exponential, until");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(where)) throw e;
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double[] numbers(Object args, String where) {
        if (args instanceof Number n) return new double[] {n.doubleValue()};
        if (args instanceof double[] a) return a.clone();
        if (args instanceof int[] a) return Arrays.stream(a).asDoubleStream().toArray();
        if (args instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw bad(where, args, "arguments must be numbers");
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw bad(where, args, "arguments must be a number or a list of numbers");
    }

    private static IllegalArgumentException bad(String where, Object value, String why) {
        return new IllegalArgumentException(where + ": invalid timing " + value + " (" + why + ")");
    }

    private static void requireNonNegative(double v, String what) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " duration must be finite and >= 0, got " + v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
