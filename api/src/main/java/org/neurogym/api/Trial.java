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
