package org.neurogym.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this api (semantic versioning) and the check of a plugin's
 * {@code Plugin-Requires} range against it.
 */
public final class ApiVersion {
    private static final String CURRENT = load();

    private ApiVersion() {}

    /** This api's version, e.g. {@code 0.1.0}. */
    public static String current() {
        return CURRENT;
    }

    /**
     * True when {@code version} lies in {@code range}: a Maven/OSGi range such as {@code [0.1.0,0.2.0)},
     * a PF4J-style expression such as {@code >=0.1.0 & <0.2.0}, a bare version (at least that), or {@code *}.
     */
    public static boolean satisfies(String version, String range) {
        String r = range.trim();
        if (r.isEmpty() || r.equals("*")) return true;
        if (r.startsWith("[") || r.startsWith("(")) {
            if (!(r.endsWith("]") || r.endsWith(")"))) throw new IllegalArgumentException("bad version range '" + range + "': no closing bracket");
            boolean lowIncl = r.startsWith("[");
            boolean highIncl = r.endsWith("]");
            String[] parts = r.substring(1, r.length() - 1).split(",", -1);
            if (parts.length != 2) throw new IllegalArgumentException("bad version range '" + range + "'");
            String lo = parts[0].trim();
            String hi = parts[1].trim();
            if (!lo.isEmpty()) {
                int c = compare(version, lo);
                if (c < 0 || (c == 0 && !lowIncl)) return false;
            }
            if (!hi.isEmpty()) {
                int c = compare(version, hi);
                if (c > 0 || (c == 0 && !highIncl)) return false;
            }
            return true;
        }
        for (String clause : r.split("&")) {
            String c = clause.trim();
            String op = c.replaceAll("^([<>=!]*).*$", "$1");
            String v = c.substring(op.length()).trim();
            int cmp = compare(version, v);
            boolean ok = switch (op) {
                case ">=", "" -> cmp >= 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                case "<" -> cmp < 0;
                case "=", "==" -> cmp == 0;
                default -> throw new IllegalArgumentException("bad version expression '" + range + "'");
            };
            if (!ok) return false;
        }
        return true;
    }

    /** Compares dotted numeric versions; a qualifier such as {@code -SNAPSHOT} is ignored. */
    public static int compare(String a, String b) {
        String[] x = a.split("[-+]")[0].split("\\.");
        String[] y = b.split("[-+]")[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i].trim()) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i].trim()) : 0;
            if (xi != yi) return Integer.compare(xi, yi);
        }
        return 0;
    }

    private static String load() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("/org/neurogym/api/api.properties")) {
            if (in == null) return "0.0.0";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
