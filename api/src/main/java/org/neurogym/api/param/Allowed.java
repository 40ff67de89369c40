package org.neurogym.api.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The values a parameter accepts beyond its type, declared once in its {@link ParamSpec} and
 * checked by {@link Params}: numeric bounds (on a number, an integer, or every element of a list),
 * a set of allowed values, and the length of a list. {@link #describe()} is what {@code info} and
 * the task reference show.
 *
 * @param min the lowest value ({@code -Infinity}: none)
 * @param minOpen whether {@code min} itself is excluded (e.g. "positive")
 * @param max the highest value ({@code Infinity}: none)
 * @param values the only values allowed (empty: any)
 * @param minLength the shortest list allowed (0: any)
 * @param maxLength the longest list allowed ({@code Integer.MAX_VALUE}: any)
 * @param nonFinite whether NaN and infinities are accepted (never by default: they would flow
 *     silently into the observations)
 */
public record Allowed(double min, boolean minOpen, double max, List<Object> values, int minLength, int maxLength,
        boolean nonFinite) {

    /** No constraint beyond the type. */
    public static final Allowed ANY = new Allowed(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, List.of(), 0, Integer.MAX_VALUE, false);

    public Allowed {
        values = List.copyOf(values);
        if (min > max) throw new IllegalArgumentException("lower bound " + min + " above upper bound " + max);
        if (minLength < 0 || minLength > maxLength) throw new IllegalArgumentException("bad list lengths " + minLength + ".." + maxLength);
    }

    Allowed withMin(double bound, boolean open) {
        return new Allowed(bound, open, max, values, minLength, maxLength, nonFinite);
    }

    Allowed withMax(double bound) {
        return new Allowed(min, minOpen, bound, values, minLength, maxLength, nonFinite);
    }

    Allowed withValues(List<Object> allowed) {
        return new Allowed(min, minOpen, max, allowed, minLength, maxLength, nonFinite);
    }

    Allowed withLengths(int shortest, int longest) {
        return new Allowed(min, minOpen, max, values, shortest, longest, nonFinite);
    }

    Allowed withNonFinite() {
        return new Allowed(min, minOpen, max, values, minLength, maxLength, true);
    }

    private boolean bounded() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }

    /**
     * Checks a converted value (see {@link ParamType#convert}) of parameter {@code key}; the error
     * names the key and the rule, e.g. {@code dim_ring must be >= 2, got 1}.
     */
    void check(String key, Object value, ParamType type) {
        checkDeclared(key, value);
        if (!nonFinite) type.requireFinite(key, value);
    }

    private void checkDeclared(String key, Object value) {
        if (value instanceof double[] list) {
            checkLength(key, list.length, Arrays.toString(list));
            for (double v : list) {
                if (!inBounds(v)) throw new ParameterException(key, key + " must hold numbers " + bounds() + ", got " + Arrays.toString(list));
            }
        } else if (value instanceof int[] list) {
            checkLength(key, list.length, Arrays.toString(list));
            for (int v : list) {
                if (!inBounds(v)) throw new ParameterException(key, key + " must hold numbers " + bounds() + ", got " + Arrays.toString(list));
            }
        } else if (value instanceof List<?> list) {
            checkLength(key, list.size(), list.toString());
        } else if (value instanceof double[][] rows) {
            checkLength(key, rows.length, "a matrix of " + rows.length + " rows");
        } else if (value instanceof Number n) {
            if (!inBounds(n.doubleValue())) throw new ParameterException(key, key + " must be " + bounds() + ", got " + format(n));
        }
        if (!values.isEmpty() && !values.contains(value)) {
            throw new ParameterException(key, key + " must be " + choices() + ", got " + quoted(value));
        }
    }

    private void checkLength(String key, int length, String shown) {
        if (length < minLength || length > maxLength) {
            throw new ParameterException(key, key + " must hold " + lengths() + ", got " + shown);
        }
    }

    private boolean inBounds(double v) {
        // without bounds any number passes here; NaN and infinities are refused by the finite check
        return !bounded() || (minOpen ? v > min : v >= min) && v <= max;
    }

    /** The rule in words, e.g. {@code >= 2}, {@code in [0, 1]}, {@code one of 'a', 'b'}; empty for {@link #ANY}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (bounded()) parts.add(bounds());
        if (!values.isEmpty()) parts.add(choices());
        if (minLength > 0 || maxLength < Integer.MAX_VALUE) parts.add(lengths());
        return String.join(", ", parts);
    }

    private String bounds() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) return "in " + (minOpen ? "(" : "[") + format(min) + ", " + format(max) + "]";
        if (hasMin && minOpen && min == 0) return "positive";
        if (hasMin) return (minOpen ? "> " : ">= ") + format(min);
        return "<= " + format(max);
    }

    private String choices() {
        List<String> shown = new ArrayList<>();
        for (Object v : values) shown.add(quoted(v));
        if (shown.size() == 1) return shown.get(0);
        if (shown.size() == 2) return shown.get(0) + " or " + shown.get(1);
        return "one of " + String.join(", ", shown);
    }

    private String lengths() {
        if (minLength == maxLength) return "exactly " + count(minLength);
        if (maxLength == Integer.MAX_VALUE) return minLength == 1 ? "at least one value" : "at least " + count(minLength);
        return minLength + " to " + count(maxLength);
    }

    private static String count(int n) {
        return n + (n == 1 ? " value" : " values");
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "'" + s + "'" : v instanceof Number n ? format(n) : Objects.toString(v);
    }

    static String format(Number n) {
        double d = n.doubleValue();
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", d);
    }
}
