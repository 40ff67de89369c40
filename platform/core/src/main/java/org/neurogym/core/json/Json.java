package org.neurogym.core.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON from plain values (maps, collections, arrays of primitives, numbers, booleans,
 * strings, records via their map form), indented for people and stable for machines.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, true);
        return sb.toString();
    }

    /** One line, no indentation: for event streams. */
    public static String line(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, false);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, boolean pretty) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double d) {
            number(sb, d);
        } else if (v instanceof Float f) {
            number(sb, f.doubleValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(first ? "" : ",");
                first = false;
                newline(sb, indent + 1, pretty);
                string(sb, String.valueOf(e.getKey()));
                sb.append(pretty ? ": " : ":");
                write(sb, e.getValue(), indent + 1, pretty);
            }
            if (!m.isEmpty()) newline(sb, indent, pretty);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            array(sb, c.toArray(), indent, pretty);
        } else if (v instanceof Object[] a) {
            array(sb, a, indent, pretty);
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(pretty ? ", " : ",");
                number(sb, a[i]);
            }
            sb.append(']');
        } else if (v instanceof float[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(pretty ? ", " : ",");
                number(sb, a[i]);
            }
            sb.append(']');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) sb.append(i > 0 ? (pretty ? ", " : ",") : "").append(a[i]);
            sb.append(']');
        } else if (v instanceof long[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) sb.append(i > 0 ? (pretty ? ", " : ",") : "").append(a[i]);
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void array(StringBuilder sb, Object[] a, int indent, boolean pretty) {
        boolean simple = true;
        for (Object o : a) simple &= !(o instanceof Map || o instanceof Collection || o instanceof Object[]);
        sb.append('[');
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(simple && pretty ? ", " : ",");
            if (!simple) newline(sb, indent + 1, pretty);
            write(sb, a[i], indent + 1, pretty);
        }
        if (!simple && a.length > 0) newline(sb, indent, pretty);
        sb.append(']');
    }

    private static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d)) sb.append("null");
        else if (Double.isInfinite(d)) sb.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d).append(".0");
        else sb.append(d);
    }

    private static void newline(StringBuilder sb, int indent, boolean pretty) {
        if (!pretty) return;
        sb.append('\n');
        for (int i = 0; i < indent; i++) sb.append("  ");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
