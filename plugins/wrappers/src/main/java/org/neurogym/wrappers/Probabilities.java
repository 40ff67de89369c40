package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.param.ParameterException;

/** Checks of probability vectors and matrices given as wrapper parameters. */
final class Probabilities {
    /** Rows must sum to 1 within this tolerance (the reference's numpy allclose defaults, about 1e-5). */
    static final double TOLERANCE = 1e-5 + 1e-10;

    private Probabilities() {}

    /** A matrix with at least one row, all rows of one length, entries >= 0 and rows summing to 1. */
    static double[][] matrix(String owner, String key, double[][] m) {
        if (m.length == 0) throw new ParameterException(key, owner + ": " + key + " must have at least one row");
        int cols = m[0].length;
        if (cols == 0) throw new ParameterException(key, owner + ": " + key + " rows must not be empty");
        for (int i = 1; i < m.length; i++) {
            if (m[i].length != cols) {
                throw new ParameterException(key, owner + ": " + key + " must be a matrix (rows x choices), but row 0 has "
                        + cols + " entries and row " + i + " has " + m[i].length);
            }
        }
        List<Integer> bad = new ArrayList<>();
        List<Double> sums = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (double v : m[i]) s += v;
            if (!(Math.abs(s - 1) <= TOLERANCE)) {
                bad.add(i);
                sums.add(s);
            }
        }
        if (!bad.isEmpty()) {
            throw new ParameterException(key, owner + ": each row of " + key + " must sum to 1; rows " + bad + " sum to " + sums);
        }
        for (double[] row : m) {
            for (double v : row) {
                if (!(v >= 0)) throw new ParameterException(key, owner + ": every probability in " + key + " must be >= 0, got " + v);
            }
        }
        return m;
    }

    /** A probability vector of {@code n} entries. */
    static double[] vector(String owner, String key, double[] p, int n) {
        if (p.length != n) {
            throw new ParameterException(key, owner + ": " + key + " has " + p.length + " entries but the task has " + n + " choices");
        }
        matrix(owner, key, new double[][] {p});
        return p;
    }

    /** A row as a list, for trial facts. */
    static List<Double> asList(double[] row) {
        List<Double> out = new ArrayList<>(row.length);
        for (double v : row) out.add(v);
        return out;
    }
}
