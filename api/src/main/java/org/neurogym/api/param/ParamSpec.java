package org.neurogym.api.param;

import java.util.Map;
import java.util.Objects;

/**
 * One constructor parameter of a task or wrapper: name (the reference's, e.g. {@code dim_ring}),
 * type, default and a sentence of documentation.
 *
 * <p>Every number a parameter carries (a number, the elements of a list or matrix, a reward, a
 * number nested in an {@link ParamType#ANY} value) must be finite unless the spec says
 * {@link #allowingNonFinite()}: a NaN or an infinity would otherwise flow silently into the
 * observations. {@link #convert} is where a declared schema checks a value.
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String description, boolean optional,
        boolean allowsNonFinite) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (optional && defaultValue != null) throw new IllegalArgumentException("optional parameter '" + name + "' has no default");
        if (defaultValue != null) {
            defaultValue = type.convert(name, defaultValue);
            if (!allowsNonFinite) type.requireFinite(name, defaultValue);
        }
    }

    public ParamSpec(String name, ParamType type, Object defaultValue, String description, boolean optional) {
        this(name, type, defaultValue, description, optional, false);
    }

    /** A parameter with a default (or, with a null default, a required one). */
    public ParamSpec(String name, ParamType type, Object defaultValue, String description) {
        this(name, type, defaultValue, description, false);
    }

    /**
     * A parameter that may be left unset (the reference's {@code None} default): the task asks
     * {@link Params#isSet} and chooses its own behaviour when it is not.
     */
    public static ParamSpec optional(String name, ParamType type, String description) {
        return new ParamSpec(name, type, null, description, true);
    }

    public static ParamSpec integer(String name, int defaultValue, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, description);
    }

    public static ParamSpec number(String name, double defaultValue, String description) {
        return new ParamSpec(name, ParamType.NUMBER, defaultValue, description);
    }

    public static ParamSpec bool(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, description);
    }

    public static ParamSpec string(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, description);
    }

    public static ParamSpec numbers(String name, double[] defaultValue, String description) {
        return new ParamSpec(name, ParamType.NUMBER_LIST, defaultValue, description);
    }

    public static ParamSpec integers(String name, int[] defaultValue, String description) {
        return new ParamSpec(name, ParamType.INTEGER_LIST, defaultValue, description);
    }

    public static ParamSpec matrix(String name, double[][] defaultValue, String description) {
        return new ParamSpec(name, ParamType.NUMBER_MATRIX, defaultValue, description);
    }

    /** A parameter with no default: the caller must give it. */
    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, null, description);
    }

    /** The time step in ms, every task's {@code dt}. */
    public static ParamSpec dt(int defaultMs) {
        return number("dt", defaultMs, "Time step in ms.");
    }

    /** The {@code rewards} table, merged over the task's own reward defaults. */
    public static ParamSpec rewards() {
        return new ParamSpec("rewards", ParamType.REWARDS, Map.of(),
                "Reward values by name, merged over the task's defaults (see 'rewards').");
    }

    /** The {@code timing} table, merged over the task's own period timings. */
    public static ParamSpec timing() {
        return new ParamSpec("timing", ParamType.TIMING, Map.of(),
                "Period durations in ms by period name, merged over the task's defaults (see 'timing').");
    }

    /** This parameter with NaN and infinities accepted (e.g. an unbounded limit spelled {@code inf}). */
    public ParamSpec allowingNonFinite() {
        return new ParamSpec(name, type, defaultValue, description, optional, true);
    }

    /**
     * {@code value} in this parameter's Java form, checked against what the spec declares; throws
     * a {@link ParameterException} naming the key (e.g. {@code rewards.correct}, {@code cohs[2]}).
     */
    public Object convert(Object value) {
        Object converted = type.convert(name, value);
        if (!allowsNonFinite) type.requireFinite(name, converted);
        return converted;
    }

    public boolean isRequired() {
        return defaultValue == null && !optional;
    }
}
