package org.neurogym.monitor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-trial records as named columns of doubles, all of one length: a column that appears late is
 * filled with NaN for the trials before it, and one missing from a trial gets NaN there.
 */
final class Columns {
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private int rows;

    /** Starts a new row; every column gets NaN until {@link #set} fills it. */
    void newRow() {
        rows++;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] c = grow(e.getValue());
            c[rows - 1] = Double.NaN;
            e.setValue(c);
        }
    }

    void set(String name, double value) {
        double[] c = columns.get(name);
        if (c == null) {
            c = new double[Math.max(16, rows)];
            Arrays.fill(c, Double.NaN);
            columns.put(name, c);
        }
        c = grow(c);
        columns.put(name, c);
        c[rows - 1] = value;
    }

    private double[] grow(double[] c) {
        if (c.length >= rows) return c;
        double[] g = Arrays.copyOf(c, Math.max(rows, c.length * 2));
        Arrays.fill(g, c.length, g.length, Double.NaN);
        return g;
    }

    int rows() {
        return rows;
    }

    /** Each column trimmed to the rows written. */
    Map<String, double[]> snapshot() {
        Map<String, double[]> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> out.put(k, Arrays.copyOf(v, rows)));
        return out;
    }

    double mean(String name) {
        double[] c = columns.get(name);
        if (c == null || rows == 0) return Double.NaN;
        double sum = 0;
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (!Double.isNaN(c[i])) {
                sum += c[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    void clear() {
        rows = 0;
        columns.replaceAll((k, v) -> new double[16]);
        columns.values().forEach(v -> Arrays.fill(v, Double.NaN));
    }
}
