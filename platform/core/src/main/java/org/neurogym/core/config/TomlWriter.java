package org.neurogym.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a plain-value tree (maps, lists, strings, numbers, booleans) as TOML: scalars first, then tables. */
final class TomlWriter {
    private TomlWriter() {}

    static String write(Map<String, Object> tree) {
        StringBuilder out = new StringBuilder();
        table(out, "", tree);
        return out.toString().stripLeading();
    }

    @SuppressWarnings("unchecked")
    private static void table(StringBuilder out, String prefix, Map<String, Object> t) {
        for (Map.Entry<String, Object> e : t.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map || isTableArray(v)) continue;
            out.append(key(e.getKey())).append(" = ").append(value(v)).append('\n');
        }
        for (Map.Entry<String, Object> e : t.entrySet()) {
            String p = prefix.isEmpty() ? key(e.getKey()) : prefix + "." + key(e.getKey());
            if (e.getValue() instanceof Map) {
                Map<String, Object> sub = (Map<String, Object>) e.getValue();
                boolean scalars = sub.values().stream().anyMatch(v -> !(v instanceof Map) && !isTableArray(v));
                if (scalars || sub.isEmpty()) out.append('\n').append('[').append(p).append("]\n");
                table(out, p, sub);
            } else if (isTableArray(e.getValue())) {
                for (Object item : (List<Object>) e.getValue()) {
                    out.append('\n').append("[[").append(p).append("]]\n");
                    table(out, p, (Map<String, Object>) item);
                }
            }
        }
    }

    private static boolean isTableArray(Object v) {
        return v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map);
    }

    private static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : quote(k);
    }

    @SuppressWarnings("unchecked")
    static String value(Object v) {
        if (v instanceof String s) return quote(s);
        if (v instanceof Double d) {
            if (d.isNaN()) return "nan";
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            String s = Double.toString(d);
            return s.contains("E") ? String.format(Locale.ROOT, "%e", d) : s;
        }
        if (v instanceof Number || v instanceof Boolean) return String.valueOf(v);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ", ").append(value(l.get(i)));
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                sb.append(i++ == 0 ? "" : ", ").append(key(e.getKey())).append(" = ").append(value(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return quote(String.valueOf(v));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
