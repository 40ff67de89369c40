package org.neurogym.api.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.timing.Timing;

/**
 * The type of a parameter, and how values from TOML ({@code Long}, {@code Double}, lists, tables)
 * or from code ({@code Integer}, {@code double[]}...) become the one Java type a task reads.
 */
public enum ParamType {
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    STRING("string"),
    NUMBER_LIST("list of numbers"),
    INTEGER_LIST("list of integers"),
    NUMBER_MATRIX("matrix of numbers"),
    /** A table of reward names to numbers, merged over the task's defaults. */
    REWARDS("table of rewards"),
    /** A table of period names to timings, merged over the task's defaults. */
    TIMING("table of timings"),
    /** Passed through as given (e.g. a list of env ids). */
    ANY("value");

    private final String label;

    ParamType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Converts {@code value} to this type's Java form, or throws an error naming {@code key}. */
    public Object convert(String key, Object value) {
        if (value == null) throw wrong(key, null);
        switch (this) {
            case INTEGER:
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                    long l = ((Number) value).longValue();
                    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw wrong(key, value);
                    return (int) l;
                }
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9) {
                    return (int) n.doubleValue();
                }
                throw wrong(key, value);
            case NUMBER:
                if (value instanceof Number n) return n.doubleValue();
                throw wrong(key, value);
            case BOOLEAN:
                if (value instanceof Boolean) return value;
                throw wrong(key, value);
            case STRING:
                if (value instanceof String) return value;
                throw wrong(key, value);
            case NUMBER_LIST:
                return numbers(key, value);
            case INTEGER_LIST: {
                double[] d = numbers(key, value);
                int[] out = new int[d.length];
                for (int i = 0; i < d.length; i++) {
                    if (d[i] != Math.rint(d[i])) throw wrong(key, value);
                    out[i] = (int) d[i];
                }
                return out;
            }
            case NUMBER_MATRIX: {
                if (value instanceof double[][] m) return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
                if (value instanceof List<?> rows) {
                    double[][] out = new double[rows.size()][];
                    for (int i = 0; i < out.length; i++) out[i] = numbers(key + "[" + i + "]", rows.get(i));
                    return out;
                }
                throw wrong(key, value);
            }
            case REWARDS: {
                if (!(value instanceof Map<?, ?> map)) throw wrong(key, value);
                Map<String, Double> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String k = key + "." + e.getKey();
                    out.put(String.valueOf(e.getKey()), (Double) NUMBER.convert(k, e.getValue()));
                }
                return out;
            }
            case TIMING: {
                if (!(value instanceof Map<?, ?> map)) throw wrong(key, value);
                Map<String, Timing> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String k = key + "." + e.getKey();
                    try {
                        out.put(String.valueOf(e.getKey()), Timing.parse(e.getValue(), k));
                    } catch (IllegalArgumentException ex) {
                        throw new ParameterException(k, ex.getMessage());
                    }
                }
                return out;
            }
            default:
                return value;
        }
    }

    /**
     * Throws a {@link ParameterException} naming the element (e.g. {@code cohs[1]},
     * {@code rewards.correct}) when {@code converted}, a value of this type, carries a NaN or an
     * infinity. Timings check their own arguments when parsed.
     */
    public void requireFinite(String key, Object converted) {
        if (this == TIMING) return;
        if (converted instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ParameterException(key, "parameter '" + key + "' must be a finite number, got " + d);
            }
        } else if (converted instanceof double[] a) {
            for (int i = 0; i < a.length; i++) requireFinite(key + "[" + i + "]", a[i]);
        } else if (converted instanceof double[][] m) {
            for (int i = 0; i < m.length; i++) requireFinite(key + "[" + i + "]", m[i]);
        } else if (converted instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) requireFinite(key + "[" + i + "]", list.get(i));
        } else if (converted instanceof Map<?, ?> map) {
            map.forEach((k, v) -> requireFinite(key + "." + k, v));
        }
    }

    private double[] numbers(String key, Object value) {
        if (value instanceof double[] a) return a.clone();
        if (value instanceof int[] a) return Arrays.stream(a).asDoubleStream().toArray();
        if (value instanceof float[] a) {
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) d[i] = a[i];
            return d;
        }
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw wrong(key, value);
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw wrong(key, value);
    }

    private ParameterException wrong(String key, Object value) {
        String shown = value instanceof double[] a ? Arrays.toString(a)
                : value instanceof int[] a ? Arrays.toString(a) : String.valueOf(value);
        String type = value == null ? "nothing" : value instanceof List ? "list" : value instanceof Map ? "table"
                : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return new ParameterException(key, "parameter '" + key + "' must be a " + label + ", got " + type + " " + shown);
    }

    /** The value back in plain form (numbers, lists, maps) for JSON and TOML output. */
    public static Object plain(Object value) {
        if (value instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double v : a) l.add(v);
            return l;
        }
        if (value instanceof int[] a) {
            List<Object> l = new ArrayList<>();
            for (int v : a) l.add(v);
            return l;
        }
        if (value instanceof double[][] m) {
            List<Object> l = new ArrayList<>();
            for (double[] row : m) l.add(plain(row));
            return l;
        }
        if (value instanceof Timing t) return t.toValue();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value;
    }
}
