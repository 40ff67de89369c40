package org.neurogym.api;

/**
 * Directions evenly spread around a circle and the cosine tuning of units that prefer them: the
 * ring stimulus of the reference's decision-making, reaching and matching tasks.
 */
public final class Ring {
    private Ring() {}

    /** The preferred directions of {@code n} units, {@code 2 pi i / n} for i = 0 .. n-1. */
    public static double[] directions(int n) {
        if (n < 1) throw new IllegalArgumentException("a ring needs at least one direction, got " + n);
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = 2 * Math.PI * i / n;
        return theta;
    }

    /**
     * Fills {@code out} with each unit's response to direction {@code angle},
     * {@code cos(theta[i] - angle) * gain + offset}, and returns it.
     */
    public static double[] cosineTuning(double[] theta, double angle, double gain, double offset, double[] out) {
        if (out.length != theta.length) {
            throw new IllegalArgumentException("ring of " + theta.length + " units, output of " + out.length);
        }
        for (int i = 0; i < theta.length; i++) out[i] = Math.cos(theta[i] - angle) * gain + offset;
        return out;
    }

    /** {@link #cosineTuning(double[], double, double, double, double[])} into a new array. */
    public static double[] cosineTuning(double[] theta, double angle, double gain, double offset) {
        return cosineTuning(theta, angle, gain, offset, new double[theta.length]);
    }
}
