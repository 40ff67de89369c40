package org.neurogym.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * One source of configuration values as a tree of plain values (maps, lists, Long, Double,
 * Boolean, String), with the origin of every key: the TOML file (key and value positions), the
 * {@code NGYM_} environment variables, or explicit values. Layers merge, the later winning.
 */
final class Layer {
    /** The prefix of configuration environment variables; {@code __} separates nested keys. */
    static final String ENV_PREFIX = "NGYM_";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Layer.class);

    final Map<String, Object> tree;
    /** Dotted path ({@code monitor.plot.step}, {@code wrappers[0].name}) to where its key was written. */
    final Map<String, Origin> keyOrigins;
    /** Dotted path to where its value starts (the same as the key's for non-file sources). */
    final Map<String, Origin> valueOrigins;
    final TomlParseResult toml;

    private Layer(Map<String, Object> tree, Map<String, Origin> keyOrigins, Map<String, Origin> valueOrigins, TomlParseResult toml) {
        this.tree = tree;
        this.keyOrigins = keyOrigins;
        this.valueOrigins = valueOrigins;
        this.toml = toml;
    }

    static Layer empty() {
        return new Layer(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), null);
    }

    // ------------------------------------------------------------------ TOML

    static Layer fromToml(String text, Path source) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError e = toml.errors().get(0);
            TomlPosition pos = e.position();
            throw new ConfigException(source, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(), null,
                    "invalid TOML: " + e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""));
        }
        String[] lines = text.split("\r?\n", -1);
        Layer layer = new Layer(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), toml);
        layer.tree.putAll(TomlValues.toMap(toml));
        layer.walk(toml, "", lines, source, null);
        return layer;
    }

    private void walk(TomlTable table, String prefix, String[] lines, Path source, Origin tableOrigin) {
        for (String key : table.keySet()) {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            TomlPosition pos = table.inputPositionOf(List.of(key));
            Origin keyOrigin = pos == null ? tableOrigin : Origin.at(source, pos.line(), pos.column());
            if (keyOrigin == null) keyOrigin = Origin.at(source, 0, 0);
            keyOrigins.put(path, keyOrigin);
            valueOrigins.put(path, valueOrigin(keyOrigin, lines));
            Object v = table.get(List.of(key));
            if (v instanceof TomlTable t) {
                walk(t, path, lines, source, keyOrigin);
            } else if (v instanceof TomlArray a) {
                for (int i = 0; i < a.size(); i++) {
                    Object e = a.get(i);
                    String p = path + "[" + i + "]";
                    keyOrigins.put(p, keyOrigin);
                    valueOrigins.put(p, valueOrigins.get(path));
                    if (e instanceof TomlTable t) walk(t, p, lines, source, keyOrigin);
                }
            }
        }
    }

    /** The position of the value after {@code key =} on the key's line (the key's own position when there is none). */
    private static Origin valueOrigin(Origin key, String[] lines) {
        if (key.line() <= 0 || key.line() > lines.length) return key;
        String line = lines[key.line() - 1];
        int eq = line.indexOf('=', Math.max(0, key.column() - 1));
        if (eq < 0 || line.trim().startsWith("[")) return key;
        int c = eq + 1;
        while (c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t')) c++;
        return Origin.at(key.file(), key.line(), c + 1);
    }

    // ------------------------------------------------------------------ maps and the environment

    /** Plain values from code; every key's origin is {@code label}. */
    static Layer fromMap(Map<String, ?> map, String label) {
        Layer layer = empty();
        Origin o = Origin.of(label);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            layer.tree.put(e.getKey(), normalize(e.getValue()));
        }
        layer.originsOf(layer.tree, "", o);
        return layer;
    }

    /**
     * The {@code NGYM_} variables of {@code environment}: {@code NGYM_MONITOR__INTERVAL=50} sets
     * {@code monitor.interval = 50} (names are case-insensitive, values read as TOML, else as strings).
     */
    static Layer fromEnvironment(Map<String, String> environment) {
        Layer layer = empty();
        environment.entrySet().stream()
                .filter(e -> e.getKey().toUpperCase(Locale.ROOT).startsWith(ENV_PREFIX) && e.getKey().length() > ENV_PREFIX.length())
                .filter(e -> {
                    // only a variable naming a known section and key is configuration: a user's own
                    // NGYM_SOMETHING is none of ours and must not break every command
                    boolean ours = ExperimentConfig.isSettableKey(List.of(path(e.getKey())));
                    if (!ours) log.debug("Ignoring environment variable {}: it names no configuration key", e.getKey());
                    return ours;
                })
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    String[] path = path(e.getKey());
                    Object value = TomlValues.parseValue(e.getValue());
                    Map<String, Object> m = layer.tree;
                    StringBuilder dotted = new StringBuilder();
                    Origin o = Origin.of("environment variable " + e.getKey());
                    for (int i = 0; i < path.length; i++) {
                        if (dotted.length() > 0) dotted.append('.');
                        dotted.append(path[i]);
                        layer.keyOrigins.put(dotted.toString(), o);
                        layer.valueOrigins.put(dotted.toString(), o);
                        if (i == path.length - 1) {
                            m.put(path[i], value);
                            layer.originsOf(value, dotted.toString(), o);
                        } else {
                            Object next = m.get(path[i]);
                            if (!(next instanceof Map)) {
                                next = new LinkedHashMap<String, Object>();
                                m.put(path[i], next);
                            }
                            @SuppressWarnings("unchecked")
                            Map<String, Object> n = (Map<String, Object>) next;
                            m = n;
                        }
                    }
                });
        return layer;
    }

    /** {@code NGYM_MONITOR__PLOT__STEP} → {@code [monitor, plot, step]}. */
    private static String[] path(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("__");
    }

    private void originsOf(Object value, String prefix, Origin o) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
                keyOrigins.put(p, o);
                valueOrigins.put(p, o);
                originsOf(e.getValue(), p, o);
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String p = prefix + "[" + i + "]";
                keyOrigins.put(p, o);
                valueOrigins.put(p, o);
                originsOf(l.get(i), p, o);
            }
        }
    }

    /** Integers as Long, floats as Double, maps and lists copied: what TOML gives, whichever the source. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof java.math.BigDecimal d) return d.doubleValue();
        if (v instanceof java.math.BigInteger b) return b.longValue();
        if (v instanceof Path p) return p.toString();
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(normalize(o));
            return out;
        }
        if (v instanceof Object[] a) return normalize(List.of(a));
        return v;
    }

    // ------------------------------------------------------------------ merging

    /** This layer with {@code over}'s values on top (tables merge key by key; other values, lists included, are replaced). */
    Layer with(Layer over) {
        Layer out = new Layer(new LinkedHashMap<>(), new LinkedHashMap<>(keyOrigins), new LinkedHashMap<>(valueOrigins),
                over.toml != null ? over.toml : toml);
        out.tree.putAll(deepCopy(tree));
        merge(out, out.tree, over.tree, "", over);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Layer out, Map<String, Object> target, Map<String, Object> over, String prefix, Layer from) {
        for (Map.Entry<String, Object> e : over.entrySet()) {
            String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object old = target.get(e.getKey());
            copyOrigin(out, from, p);
            if (old instanceof Map && e.getValue() instanceof Map) {
                merge(out, (Map<String, Object>) old, (Map<String, Object>) e.getValue(), p, from);
            } else {
                out.keyOrigins.keySet().removeIf(k -> k.startsWith(p + ".") || k.startsWith(p + "["));
                out.valueOrigins.keySet().removeIf(k -> k.startsWith(p + ".") || k.startsWith(p + "["));
                target.put(e.getKey(), deepCopy(e.getValue()));
                from.keyOrigins.forEach((k, v) -> {
                    if (k.startsWith(p + ".") || k.startsWith(p + "[")) out.keyOrigins.put(k, v);
                });
                from.valueOrigins.forEach((k, v) -> {
                    if (k.startsWith(p + ".") || k.startsWith(p + "[")) out.valueOrigins.put(k, v);
                });
            }
        }
    }

    private static void copyOrigin(Layer out, Layer from, String p) {
        Origin k = from.keyOrigins.get(p);
        if (k != null) out.keyOrigins.put(p, k);
        Origin v = from.valueOrigins.get(p);
        if (v != null) out.valueOrigins.put(p, v);
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
            return (T) out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(deepCopy(o));
            return (T) out;
        }
        return v;
    }

    // ------------------------------------------------------------------ ${VAR}

    /** Replaces {@code ${VAR}} (and {@code ${VAR:-default}}) in every string, from {@code environment}. */
    void expand(Map<String, String> environment) {
        expandIn(tree, "", environment);
    }

    @SuppressWarnings("unchecked")
    private void expandIn(Object node, String prefix, Map<String, String> environment) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue() instanceof String s) e.setValue(expand(s, p, environment));
                else expandIn(e.getValue(), p, environment);
            }
        } else if (node instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                String p = prefix + "[" + i + "]";
                if (list.get(i) instanceof String s) list.set(i, expand(s, p, environment));
                else expandIn(list.get(i), p, environment);
            }
        }
    }

    private String expand(String s, String path, Map<String, String> environment) {
        if (!s.contains("${")) return s;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int start = s.indexOf("${", i);
            if (start < 0) {
                out.append(s, i, s.length());
                break;
            }
            int end = s.indexOf('}', start);
            if (end < 0) throw origin(path).error(path, path + ": unclosed ${ in \"" + s + "\"");
            out.append(s, i, start);
            String expr = s.substring(start + 2, end);
            String name = expr;
            String fallback = null;
            int dflt = expr.indexOf(":-");
            if (dflt >= 0) {
                name = expr.substring(0, dflt);
                fallback = expr.substring(dflt + 2);
            }
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw origin(path).error(path, path + ": '${" + expr + "}' is not a variable name");
            }
            String value = environment.get(name);
            if (value == null || (value.isEmpty() && fallback != null)) value = fallback;
            if (value == null) {
                throw origin(path).error(path, path + " refers to ${" + name + "}, which is not set (write ${" + name
                        + ":-default} for a default)");
            }
            out.append(value);
            i = end + 1;
        }
        return out.toString();
    }

    Origin origin(String path) {
        Origin o = valueOrigins.get(path);
        return o != null ? o : keyOrigin(path);
    }

    Origin keyOrigin(String path) {
        String p = path;
        while (true) {
            Origin o = keyOrigins.get(p);
            if (o != null) return o;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) return Origin.of(null);
            p = p.substring(0, cut);
        }
    }
}
