package org.neurogym.tasks.workingmemory;

import java.util.List;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;

/** Small validation and conversion helpers shared by the working-memory tasks. */
final class Checks {
    private Checks() {}

    /** Reads {@code sigma}, which must be a finite number >= 0. */
    static double sigma(Params p) {
        double sigma = p.getDouble("sigma");
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new ParameterException("sigma", "sigma must be a finite number >= 0, got " + sigma);
        }
        return sigma;
    }

    /** Reads {@code dim_ring}, which must be >= 1. */
    static int dimRing(Params p) {
        int dimRing = p.getInt("dim_ring");
        if (dimRing < 1) throw new ParameterException("dim_ring", "dim_ring must be >= 1, got " + dimRing);
        return dimRing;
    }

    /** Preferred directions of a ring of {@code n} units, evenly spread over [0, 2 pi). */
    static double[] ring(int n) {
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = 2 * Math.PI * i / n;
        return theta;
    }

    /** The response of each ring unit to angle {@code angle}, cos(theta - angle) * 0.5 + 0.5, written into {@code out} (a task's reused buffer). */
    static double[] ringResponse(double[] theta, double angle, double[] out) {
        for (int i = 0; i < theta.length; i++) out[i] = Math.cos(theta[i] - angle) * 0.5 + 0.5;
        return out;
    }

    /** A trial fact that holds a list of numbers (a double[], int[] or List of numbers). */
    static double[] numbers(String key, Object value) {
        if (value instanceof double[] a) return a.clone();
        if (value instanceof int[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
            return out;
        }
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw badFact(key, value, "a list of numbers");
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw badFact(key, value, "a list of numbers");
    }

    /** Throws unless a given trial fact is one of {@code low .. high} (no varargs array: this runs on every new trial). */
    static void requireOneOf(String key, int value, int low, int high) {
        if (value >= low && value <= high) return;
        StringBuilder allowed = new StringBuilder("[");
        for (int a = low; a <= high; a++) allowed.append(a == low ? "" : ", ").append(a);
        throw badFact(key, value, "one of " + allowed.append(']'));
    }

    static NeuroGymException badFact(String key, Object value, String expected) {
        String shown = value instanceof double[] a ? java.util.Arrays.toString(a)
                : value instanceof int[] a ? java.util.Arrays.toString(a) : String.valueOf(value);
        return new NeuroGymException("trial fact '" + key + "' must be " + expected + ", got " + shown);
    }
}
