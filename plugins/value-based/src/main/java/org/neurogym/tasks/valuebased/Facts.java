package org.neurogym.tasks.valuebased;

import java.util.List;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Trial;

/** Reads trial facts that a caller may impose in several shapes (arrays or lists). */
final class Facts {
    private Facts() {}

    /**
     * The value of {@code key} as numbers: the imposed value if the caller gave one (a
     * {@code double[]}, {@code int[]} or list of numbers), else {@code drawn}. The fact is
     * recorded as a {@code double[]} either way.
     */
    static double[] doubles(Trial trial, String key, double[] drawn, int length) {
        Object given = trial.get(key);
        double[] value;
        if (given == null) {
            value = drawn;
        } else if (given instanceof double[] a) {
            value = a.clone();
        } else if (given instanceof int[] a) {
            value = new double[a.length];
            for (int i = 0; i < a.length; i++) value[i] = a[i];
        } else if (given instanceof float[] a) {
            value = new double[a.length];
            for (int i = 0; i < a.length; i++) value[i] = a[i];
        } else if (given instanceof List<?> list) {
            value = new double[list.size()];
            for (int i = 0; i < value.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw new NeuroGymException("trial fact '" + key + "' must hold numbers, got " + given);
                }
                value[i] = n.doubleValue();
            }
        } else {
            throw new NeuroGymException("trial fact '" + key + "' must be a list of numbers, got " + given);
        }
        if (value.length != length) {
            throw new NeuroGymException("trial fact '" + key + "' needs " + length + " values, got " + value.length);
        }
        trial.put(key, value);
        return value;
    }
}
