package org.neurogym.api.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One constructor parameter of a task or wrapper: name (the reference's, e.g. {@code dim_ring}),
 * type, default, a sentence of documentation, and the values it accepts beyond its type
 * ({@link Allowed}: declare them with {@link #min}, {@link #max}, {@link #range}, {@link #positive},
 * {@link #oneOf}, {@link #nonEmpty} or {@link #length}; {@link Params} checks them, so the task
 * does not).
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String description, boolean optional, Allowed allowed) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = allowed == null ? Allowed.ANY : allowed;
        if (defaultValue != null) {
            defaultValue = type.convert(name, defaultValue);
            allowed.check(name, defaultValue);
        }
        if (optional && defaultValue != null) throw new IllegalArgumentException("optional parameter '" + name + "' has no default");
    }

    public ParamSpec(String name, ParamType type, Object defaultValue, String description, boolean optional) {
        this(name, type, defaultValue, description, optional, Allowed.ANY);
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

    /** Accepts values {@code >= bound} (every element, for a list). */
    public ParamSpec min(double bound) {
        return with(allowed.withMin(bound, false));
    }

    /** Accepts values {@code <= bound} (every element, for a list). */
    public ParamSpec max(double bound) {
        return with(allowed.withMax(bound));
    }

    /** Accepts values in {@code [low, high]} (every element, for a list). */
    public ParamSpec range(double low, double high) {
        return with(allowed.withMin(low, false).withMax(high));
    }

    /** Accepts values {@code > 0} (every element, for a list). */
    public ParamSpec positive() {
        return with(allowed.withMin(0, true));
    }

    /** Accepts only these values (given as the type reads them, e.g. strings or integers). */
    public ParamSpec oneOf(Object... values) {
        List<Object> converted = new ArrayList<>();
        for (Object v : values) converted.add(type.convert(name, v));
        return with(allowed.withValues(converted));
    }

    /** A list that must hold at least one value. */
    public ParamSpec nonEmpty() {
        return with(allowed.withLengths(1, allowed.maxLength()));
    }

    /** A list that must hold at least {@code n} values. */
    public ParamSpec minLength(int n) {
        return with(allowed.withLengths(n, allowed.maxLength()));
    }

    /** A list that must hold exactly {@code n} values. */
    public ParamSpec length(int n) {
        return with(allowed.withLengths(n, n));
    }

    private ParamSpec with(Allowed a) {
        return new ParamSpec(name, type, defaultValue, description, optional, a);
    }

    public boolean isRequired() {
        return defaultValue == null && !optional;
    }
}
