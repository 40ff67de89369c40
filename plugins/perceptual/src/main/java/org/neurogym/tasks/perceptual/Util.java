package org.neurogym.tasks.perceptual;

import java.util.Arrays;
import java.util.List;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.timing.Timing;

/** Small helpers shared by the tasks of this module. */
final class Util {
    private Util() {}

    /** The number of whole steps in {@code ms}, tolerant of the rounding of a value computed as k * dt. */
    static int stepsIn(double ms, double dt) {
        return (int) Math.floor(ms / dt + 1e-9);
    }

    /**
     * The expected trial length in steps when a trial is {@code periods} one after the other: the
     * sum of their expected lengths (for contract expectations of tasks whose timing holds more
     * entries than the trial's sequence of periods).
     */
    static double meanSteps(TrialEnv env, String... periods) {
        double sum = 0;
        for (String p : periods) sum += env.timing().get(p).meanSteps(env.dt());
        return sum;
    }

    /** Evenly spaced angles around the circle, {@code 2 pi i / n}. */
    static double[] ring(int n) {
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = 2 * Math.PI * i / n;
        return theta;
    }

    /** Fills {@code out} with the ring stimulus pointing at {@code target}: cos(theta - theta[target]) * coh / 200 + 0.5. */
    static double[] ringStimulus(double[] theta, int target, double coh, double[] out) {
        for (int i = 0; i < theta.length; i++) out[i] = Math.cos(theta[i] - theta[target]) * (coh / 200) + 0.5;
        return out;
    }

    /** The median of a period's timing distribution (for a choice, the median of its values). */
    static double median(Timing t, String key) {
        if (t instanceof Timing.Constant c) return c.value();
        if (t instanceof Timing.Choice c) {
            double[] v = c.values();
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
        if (t instanceof Timing.Uniform u) return (u.low() + u.high()) / 2;
        if (t instanceof Timing.TruncatedExponential e) {
            if (e.min() >= e.max()) return e.max();
            double head = Math.exp(-e.min() / e.mean());
            double tail = Double.isInfinite(e.max()) ? 0 : Math.exp(-e.max() / e.mean());
            return -e.mean() * Math.log(head - 0.5 * (head - tail));
        }
        throw new ParameterException(key, key + " must be a duration or a distribution of durations, not " + t);
    }

    /** An int array from a trial fact given as int[], long[], double[] or a list of numbers. */
    static int[] intArray(Object value, String key) {
        if (value instanceof int[] a) return a;
        if (value instanceof long[] a) return Arrays.stream(a).mapToInt(Math::toIntExact).toArray();
        if (value instanceof double[] a) return Arrays.stream(a).mapToInt(d -> (int) d).toArray();
        if (value instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) throw new NeuroGymException("trial fact '" + key + "' must hold integers, got " + value);
                out[i] = n.intValue();
            }
            return out;
        }
        throw new NeuroGymException("trial fact '" + key + "' must be a list of integers, got " + value);
    }

    /** Throws when a trial fact lies outside [low, high]. */
    static int checkRange(int value, int low, int high, String key) {
        if (value < low || value > high) {
            throw new NeuroGymException("trial fact '" + key + "' must be in " + low + ".." + high + ", got " + value);
        }
        return value;
    }
}
