package org.neurogym.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of one trial ({@code ground_truth}, {@code coh}...), the reference's trial dict.
 *
 * <p>A task draws each fact with {@link #setDefault}: the value given by the caller of
 * {@code newTrial(kwargs)} wins, but the draw is still made, so the random stream does not
 * depend on which facts were imposed.
 */
public final class Trial {
    private final Map<String, Object> facts = new LinkedHashMap<>();

    public Trial() {}

    public Trial(Map<String, ?> given) {
        if (given != null) facts.putAll(given);
    }

    /** The given value of {@code key} if any, else {@code drawn}; either way it is recorded. */
    public int setDefault(String key, int drawn) {
        Object v = facts.get(key);
        if (v == null) {
            facts.put(key, drawn);
            return drawn;
        }
        int value = asNumber(key, v).intValue();
        facts.put(key, value);
        return value;
    }

    /** The given value of {@code key} if any, else {@code drawn}; either way it is recorded. */
    public double setDefault(String key, double drawn) {
        Object v = facts.get(key);
        if (v == null) {
            facts.put(key, drawn);
            return drawn;
        }
        double value = asNumber(key, v).doubleValue();
        facts.put(key, value);
        return value;
    }

    /** The given value of {@code key} if any, else {@code drawn}; either way it is recorded. */
    @SuppressWarnings("unchecked")
    public <T> T setDefault(String key, T drawn) {
        Object v = facts.putIfAbsent(key, drawn);
        return v == null ? drawn : (T) v;
    }

    /**
     * {@link #setDefault(String, int)} for a fact that must lie in {@code low .. high} (e.g. a
     * ground truth): a given value outside it is an error naming the fact.
     */
    public int setDefaultWithin(String key, int drawn, int low, int high) {
        return within(key, setDefault(key, drawn), low, high);
    }

    /** {@code value} of fact {@code key} when it lies in {@code low .. high}; otherwise an error naming the fact. */
    public static int within(String key, int value, int low, int high) {
        if (value < low || value > high) {
            throw new NeuroGymException("trial fact '" + key + "' must be in " + low + ".." + high + ", got " + value);
        }
        return value;
    }

    /**
     * The given value of {@code key} as numbers (a {@code double[]}, {@code int[]}, {@code float[]}
     * or list of numbers) if any, else {@code drawn}; either way it is recorded as a {@code double[]}.
     */
    public double[] setDefaultNumbers(String key, double[] drawn) {
        Object v = facts.get(key);
        double[] value = v == null ? drawn : numbers(key, v);
        facts.put(key, value);
        return value;
    }

    /** {@link #setDefaultNumbers(String, double[])} for a fact that must hold exactly {@code length} numbers. */
    public double[] setDefaultNumbers(String key, double[] drawn, int length) {
        double[] value = setDefaultNumbers(key, drawn);
        if (value.length != length) {
            throw new NeuroGymException("trial fact '" + key + "' needs " + length + " values, got " + value.length);
        }
        return value;
    }

    /** As {@link #setDefaultNumbers}, for a list of integers (recorded as an {@code int[]}). */
    public int[] setDefaultIntegers(String key, int[] drawn) {
        Object v = facts.get(key);
        int[] value;
        if (v == null) {
            value = drawn;
        } else if (v instanceof int[] a) {
            value = a;
        } else {
            double[] d = numbers(key, v);
            value = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                if (d[i] != Math.rint(d[i])) throw new NeuroGymException("trial fact '" + key + "' must hold integers, got " + v);
                value[i] = (int) d[i];
            }
        }
        facts.put(key, value);
        return value;
    }

    private static double[] numbers(String key, Object v) {
        if (v instanceof double[] a) return a.clone();
        if (v instanceof int[] a) return java.util.Arrays.stream(a).asDoubleStream().toArray();
        if (v instanceof long[] a) return java.util.Arrays.stream(a).asDoubleStream().toArray();
        if (v instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
            return out;
        }
        if (v instanceof java.util.List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw new NeuroGymException("trial fact '" + key + "' must hold numbers, got " + v);
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw new NeuroGymException("trial fact '" + key + "' must be a list of numbers, got " + v);
    }

    public Trial put(String key, Object value) {
        facts.put(key, value);
        return this;
    }

    public Object get(String key) {
        return facts.get(key);
    }

    public boolean has(String key) {
        return facts.containsKey(key);
    }

    public int getInt(String key) {
        return asNumber(key, require(key)).intValue();
    }

    public double getDouble(String key) {
        return asNumber(key, require(key)).doubleValue();
    }

    /** Every fact, in the order it was recorded. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(facts);
    }

    private Object require(String key) {
        Object v = facts.get(key);
        if (v == null) throw new NeuroGymException("trial has no fact '" + key + "' (facts: " + facts.keySet() + ")");
        return v;
    }

    private static Number asNumber(String key, Object v) {
        if (v instanceof Number n) return n;
        if (v instanceof Boolean b) return b ? 1 : 0;
        throw new NeuroGymException("trial fact '" + key + "' must be a number, got " + v);
    }

    @Override
    public String toString() {
        return facts.toString();
    }
}
