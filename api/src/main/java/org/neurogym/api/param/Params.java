package org.neurogym.api.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurogym.api.timing.Timing;

/**
 * A typed, validated view of a task's or wrapper's parameters over a {@code Map<String,Object>},
 * the form TOML and code both produce. Every key is checked against the schema when the view is
 * made: an unknown key, a wrong type or a missing required value is an error that names the key.
 */
public final class Params {
    private final String owner;
    private final Map<String, ParamSpec> schema;
    private final Map<String, Object> values;
    private final Set<String> given;

    private Params(String owner, Map<String, ParamSpec> schema, Map<String, Object> values, Set<String> given) {
        this.owner = owner;
        this.schema = schema;
        this.values = values;
        this.given = given;
    }

    /**
     * Validates {@code raw} against {@code schema}; {@code owner} (a task or wrapper id) is named in errors.
     */
    public static Params of(String owner, List<ParamSpec> schema, Map<String, ?> raw) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamSpec s : schema) specs.put(s.name(), s);
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> given = new LinkedHashSet<>();
        if (raw != null) {
            for (Map.Entry<String, ?> e : raw.entrySet()) {
                ParamSpec spec = specs.get(e.getKey());
                if (spec == null) {
                    throw new ParameterException(e.getKey(), "unknown parameter '" + e.getKey() + "' for " + owner
                            + Suggestions.didYouMean(e.getKey(), specs.keySet())
                            + " (known: " + String.join(", ", specs.keySet()) + ")");
                }
                try {
                    Object value = spec.convert(e.getValue());
                    values.put(e.getKey(), value);
                } catch (ParameterException ex) {
                    throw new ParameterException(ex.key(), ex.getMessage() + " (" + owner + ")");
                }
                given.add(e.getKey());
            }
        }
        for (ParamSpec s : specs.values()) {
            if (!values.containsKey(s.name()) && !s.optional()) {
                if (s.isRequired()) {
                    throw new ParameterException(s.name(), "parameter '" + s.name() + "' of " + owner
                            + " is required: " + s.description());
                }
                values.put(s.name(), s.defaultValue());
            }
        }
        return new Params(owner, Collections.unmodifiableMap(specs), values, Collections.unmodifiableSet(given));
    }

    /** Who these parameters belong to (a task or wrapper id). */
    public String owner() {
        return owner;
    }

    public Map<String, ParamSpec> schema() {
        return schema;
    }

    /** True when the caller gave {@code name} explicitly (rather than taking the default). */
    public boolean isGiven(String name) {
        return given.contains(name);
    }

    /** False for an optional parameter left unset; true for every other declared parameter. */
    public boolean isSet(String name) {
        if (!schema.containsKey(name)) throw new ParameterException(name, owner + " declares no parameter '" + name + "'");
        return values.containsKey(name);
    }

    public Object get(String name) {
        if (!schema.containsKey(name)) {
            throw new ParameterException(name, owner + " declares no parameter '" + name + "'");
        }
        return values.get(name);
    }

    public int getInt(String name) {
        return (Integer) typed(name, ParamType.INTEGER);
    }

    public double getDouble(String name) {
        return (Double) typed(name, ParamType.NUMBER);
    }

    public boolean getBoolean(String name) {
        return (Boolean) typed(name, ParamType.BOOLEAN);
    }

    public String getString(String name) {
        return (String) typed(name, ParamType.STRING);
    }

    public double[] getDoubles(String name) {
        return ((double[]) typed(name, ParamType.NUMBER_LIST)).clone();
    }

    public int[] getInts(String name) {
        return ((int[]) typed(name, ParamType.INTEGER_LIST)).clone();
    }

    public double[][] getMatrix(String name) {
        double[][] m = (double[][]) typed(name, ParamType.NUMBER_MATRIX);
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) copy[i] = m[i].clone();
        return copy;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Double> getRewards(String name) {
        return Collections.unmodifiableMap((Map<String, Double>) typed(name, ParamType.REWARDS));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Timing> getTiming(String name) {
        return Collections.unmodifiableMap((Map<String, Timing>) typed(name, ParamType.TIMING));
    }

    /**
     * Raw parameters {@code over} laid over {@code base}, key by key into nested tables: a layer that
     * gives {@code rewards.fail} keeps the {@code rewards.correct} below it, as the reference's
     * dictionaries update. Neither argument is changed.
     */
    public static Map<String, Object> overlay(Map<String, ?> base, Map<String, ?> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, ?> e : over.entrySet()) {
            if (out.get(e.getKey()) instanceof Map<?, ?> was && e.getValue() instanceof Map<?, ?> now) {
                out.put(e.getKey(), overlay(stringKeys(was), stringKeys(now)));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A table with its keys as strings (TOML and Python tables may hand over other key types). */
    public static Map<String, Object> stringKeys(Map<?, ?> table) {
        Map<String, Object> out = new LinkedHashMap<>();
        table.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Every value, defaults included, in plain form (numbers, lists, tables). */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, ParamType.plain(v)));
        return out;
    }

    private Object typed(String name, ParamType type) {
        ParamSpec spec = schema.get(name);
        if (spec == null) throw new ParameterException(name, owner + " declares no parameter '" + name + "'");
        if (!values.containsKey(name)) {
            throw new ParameterException(name, "optional parameter '" + name + "' of " + owner + " is not set; check isSet first");
        }
        if (spec.type() != type) {
            throw new ParameterException(name, "parameter '" + name + "' of " + owner + " is a " + spec.type().label()
                    + ", read as a " + type.label());
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return owner + asMap();
    }
}
