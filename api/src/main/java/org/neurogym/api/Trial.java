package org.neurogym.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of one trial ({@code ground_truth}, {@code coh}...), the reference's trial dict, in
 * the order they were recorded.
 *
 * <p>A task draws each fact with {@link #setDefault}: the value given by the caller of
 * {@code newTrial(kwargs)} wins, but the draw is still made, so the random stream does not
 * depend on which facts were imposed.
 *
 * <p>Numbers are stored unboxed, and a {@link TrialEnv} reuses its Trial objects, so that a new
 * trial allocates nothing. What a caller holding a Trial may rely on: a Trial handed out by an env
 * ({@code newTrial}, {@code trial()}, {@code StepResult.trial()}) describes the trial it was handed
 * out for until that env has started <em>two</em> more trials, i.e. through the whole next trial:
 * the trial that just ended can be read in the step that reports its end. To keep facts longer,
 * take {@link #asMap()} (a copy) or {@link #copy()}. {@link #serial()} tells trials apart.
 */
public final class Trial {
    private static final byte OBJECT = 0;
    private static final byte INT = 1;
    private static final byte DOUBLE = 2;

    private String[] keys = new String[8];
    private byte[] kinds = new byte[8];
    private double[] numbers = new double[8]; // INT and DOUBLE facts (an int is exact in a double)
    private Object[] objects = new Object[8]; // OBJECT facts
    private int size;
    private long serial;

    public Trial() {}

    public Trial(Map<String, ?> given) {
        recordGiven(given);
    }

    /** Empties this trial for reuse as trial number {@code serial}, holding {@code given} (may be null). */
    void reset(Map<String, ?> given, long serial) {
        Arrays.fill(objects, 0, size, null); // release the previous trial's objects
        size = 0;
        this.serial = serial;
        recordGiven(given);
    }

    private void recordGiven(Map<String, ?> given) {
        if (given == null || given.isEmpty()) return;
        for (Map.Entry<String, ?> e : given.entrySet()) put(e.getKey(), (Object) e.getValue());
    }

    /**
     * The number of this trial among those its env has started (from 1, over the env's life, never
     * reset): the same Trial object with a different serial describes a different trial. 0 for a
     * Trial made by hand.
     */
    public long serial() {
        return serial;
    }

    /** The given value of {@code key} if any, else {@code drawn}; either way it is recorded. */
    public int setDefault(String key, int drawn) {
        int i = indexOf(key);
        int value = isAbsent(i) ? drawn : kinds[i] == OBJECT ? asNumber(key, objects[i]).intValue() : (int) numbers[i];
        setNumber(i < 0 ? append(key) : i, INT, value);
        return value;
    }

    /** The given value of {@code key} if any, else {@code drawn}; either way it is recorded. */
    public double setDefault(String key, double drawn) {
        int i = indexOf(key);
        double value = isAbsent(i) ? drawn : kinds[i] == OBJECT ? asNumber(key, objects[i]).doubleValue() : numbers[i];
        setNumber(i < 0 ? append(key) : i, DOUBLE, value);
        return value;
    }

    /** The given value of {@code key} if any, else {@code drawn}; either way it is recorded. */
    @SuppressWarnings("unchecked")
    public <T> T setDefault(String key, T drawn) {
        int i = indexOf(key);
        if (!isAbsent(i)) return (T) valueAt(i);
        setObject(i < 0 ? append(key) : i, drawn);
        return drawn;
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
        int i = indexOf(key);
        double[] value = isAbsent(i) ? drawn : numbers(key, valueAt(i));
        setObject(i < 0 ? append(key) : i, value);
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
        int i = indexOf(key);
        Object v = isAbsent(i) ? null : valueAt(i);
        int[] value;
        if (v == null) {
            value = drawn;
        } else if (v instanceof int[] a) {
            value = a;
        } else {
            double[] d = numbers(key, v);
            value = new int[d.length];
            for (int k = 0; k < d.length; k++) {
                if (d[k] != Math.rint(d[k])) throw new NeuroGymException("trial fact '" + key + "' must hold integers, got " + v);
                value[k] = (int) d[k];
            }
        }
        setObject(i < 0 ? append(key) : i, value);
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
        int i = indexOf(key);
        setObject(i < 0 ? append(key) : i, value);
        return this;
    }

    /** Records an int fact without boxing it. */
    public Trial put(String key, int value) {
        int i = indexOf(key);
        setNumber(i < 0 ? append(key) : i, INT, value);
        return this;
    }

    /** Records a double fact without boxing it. */
    public Trial put(String key, double value) {
        int i = indexOf(key);
        setNumber(i < 0 ? append(key) : i, DOUBLE, value);
        return this;
    }

    /** Records a long fact (boxed, as a {@link Long}: only int and double facts are stored unboxed). */
    public Trial put(String key, long value) {
        return put(key, (Object) value);
    }

    /** Records a float fact (boxed, as a {@link Float}). */
    public Trial put(String key, float value) {
        return put(key, (Object) value);
    }

    /** The fact {@code key} (an Integer or Double for numbers stored unboxed), or null. */
    public Object get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
    }

    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    public int getInt(String key) {
        int i = require(key);
        return kinds[i] == OBJECT ? asNumber(key, objects[i]).intValue() : (int) numbers[i];
    }

    public double getDouble(String key) {
        int i = require(key);
        return kinds[i] == OBJECT ? asNumber(key, objects[i]).doubleValue() : numbers[i];
    }

    /** Every fact, in the order it was recorded: a copy, unaffected when the env reuses this Trial. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) m.put(keys[i], valueAt(i));
        return Collections.unmodifiableMap(m);
    }

    /** A Trial of its own with the same facts and serial, for keeping beyond the reuse described above. */
    public Trial copy() {
        Trial t = new Trial();
        t.keys = Arrays.copyOf(keys, keys.length);
        t.kinds = Arrays.copyOf(kinds, kinds.length);
        t.numbers = Arrays.copyOf(numbers, numbers.length);
        t.objects = Arrays.copyOf(objects, objects.length);
        t.size = size;
        t.serial = serial;
        return t;
    }

    /**
     * Linear search: a trial has a handful of facts, and tasks name them with string literals, so
     * the identity test nearly always decides before {@code equals} is needed.
     */
    private int indexOf(String key) {
        for (int i = 0; i < size; i++) if (keys[i] == key) return i;
        for (int i = 0; i < size; i++) if (keys[i].equals(key)) return i;
        return -1;
    }

    private int append(String key) {
        if (key == null) throw new NullPointerException("trial fact name");
        if (size == keys.length) {
            int n = size * 2;
            keys = Arrays.copyOf(keys, n);
            kinds = Arrays.copyOf(kinds, n);
            numbers = Arrays.copyOf(numbers, n);
            objects = Arrays.copyOf(objects, n);
        }
        keys[size] = key;
        return size++;
    }

    private void setNumber(int i, byte kind, double value) {
        kinds[i] = kind;
        numbers[i] = value;
        objects[i] = null;
    }

    private void setObject(int i, Object value) {
        kinds[i] = OBJECT;
        objects[i] = value;
    }

    /** No fact at index {@code i}, or a fact recorded as null: a draw takes its place (as the map it replaces did). */
    private boolean isAbsent(int i) {
        return i < 0 || (kinds[i] == OBJECT && objects[i] == null);
    }

    private Object valueAt(int i) {
        if (kinds[i] == INT) return Integer.valueOf((int) numbers[i]);
        if (kinds[i] == DOUBLE) return Double.valueOf(numbers[i]);
        return objects[i];
    }

    private int require(String key) {
        int i = indexOf(key);
        if (isAbsent(i)) {
            throw new NeuroGymException("trial has no fact '" + key + "' (facts: " + asMap().keySet() + ")");
        }
        return i;
    }

    private static Number asNumber(String key, Object v) {
        if (v instanceof Number n) return n;
        if (v instanceof Boolean b) return b ? 1 : 0;
        throw new NeuroGymException("trial fact '" + key + "' must be a number, got " + v);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
