package org.neurogym.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Plain Java values (maps, lists, Long, Double, Boolean, String) from TOML, and TOML-syntax values from the command line. */
public final class TomlValues {
    private TomlValues() {}

    public static Map<String, Object> toMap(TomlTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : table.keySet()) out.put(key, plain(table.get(List.of(key))));
        return out;
    }

    public static Object plain(Object v) {
        if (v instanceof TomlTable t) return toMap(t);
        if (v instanceof TomlArray a) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) out.add(plain(a.get(i)));
            return out;
        }
        return v;
    }

    /**
     * Reads a command-line value as TOML ({@code 0.5}, {@code true}, {@code [0, 6.4]},
     * {@code {stimulus = 500}}, {@code ["uniform", [400, 600]]}); anything that is not valid TOML is
     * taken as a plain string, so {@code name=abc} needs no quotes.
     */
    public static Object parseValue(String text) {
        TomlParseResult r = Toml.parse("v = " + text);
        if (r.hasErrors() || !r.contains("v")) return text;
        return plain(r.get(List.of("v")));
    }

    /**
     * Puts {@code key=value} assignments into a nested map: {@code timing.stimulus=500} sets
     * {@code timing -> {stimulus -> 500}}.
     */
    @SuppressWarnings("unchecked")
    public static void assign(Map<String, Object> target, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected key=value, got '" + assignment + "'");
        String key = assignment.substring(0, eq).trim();
        Object value = parseValue(assignment.substring(eq + 1).trim());
        String[] path = key.split("\\.");
        Map<String, Object> m = target;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = m.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(path[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.put(path[path.length - 1], value);
    }
}
