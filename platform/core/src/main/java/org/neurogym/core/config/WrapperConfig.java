package org.neurogym.core.config;

import java.util.Map;

/** One entry of the ordered {@code [[wrappers]]} array: the wrapper id and its parameters. */
public record WrapperConfig(String name, Map<String, Object> params) {
    public WrapperConfig {
        params = Map.copyOf(params);
    }

    /**
     * Reads the command-line form {@code Name} or {@code Name:key=value,key=value}, values as TOML
     * (commas inside brackets, braces or quotes do not split).
     */
    public static WrapperConfig parse(String spec) {
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        if (name.isEmpty()) throw new IllegalArgumentException("--wrap needs a wrapper name, got '" + spec + "'");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (colon >= 0) {
            for (String assignment : splitTopLevel(spec.substring(colon + 1))) {
                if (!assignment.isBlank()) TomlValues.assign(params, assignment.trim());
            }
        }
        return new WrapperConfig(name, params);
    }

    private static java.util.List<String> splitTopLevel(String s) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
            else if (!quoted && (c == '[' || c == '{')) depth++;
            else if (!quoted && (c == ']' || c == '}')) depth--;
            else if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
