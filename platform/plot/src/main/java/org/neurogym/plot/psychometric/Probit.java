package org.neurogym.plot.psychometric;

import java.util.Map;
import java.util.TreeMap;

/**
 * The reference's psychometric function {@code P(x) = 0.5 * (1 + erf((beta*x + alpha) / sqrt 2))}
 * and its least-squares fit to binary choices (as the reference fits it with {@code curve_fit}),
 * by Levenberg-Marquardt on the choices grouped by evidence level.
 */
public final class Probit {
    private Probit() {}

    /** The fitted parameters; {@code beta} is the slope (sensitivity), {@code alpha} the bias. */
    public record Fit(double beta, double alpha, int samples, int iterations, boolean converged) {
        public double p(double x) {
            return probit(x, beta, alpha);
        }

        /** The evidence at which both choices are equally likely ({@code -alpha/beta}). */
        public double pointOfSubjectiveEquality() {
            return -alpha / beta;
        }
    }

    public static double probit(double x, double beta, double alpha) {
        return 0.5 * (1 + erf((beta * x + alpha) / Math.sqrt(2)));
    }

    /** The standard normal density. */
    public static double normalDensity(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** The error function (fractional error below 1.2e-7, Chebyshev fit of erfc). */
    public static double erf(double x) {
        return 1 - erfc(x);
    }

    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }

    /**
     * Fits {@code choices} (0 or 1) against {@code evidence}. Perfectly separable data (an agent
     * that never errs) has no finite optimum: the slope then stops growing at a bound where the
     * curve is a step at the data's resolution.
     */
    public static Fit fit(double[] evidence, double[] choices) {
        if (evidence.length != choices.length) throw new IllegalArgumentException("evidence and choices differ in length");
        if (evidence.length < 2) throw new IllegalArgumentException("a psychometric fit needs at least 2 trials, got " + evidence.length);
        TreeMap<Double, double[]> groups = new TreeMap<>();
        for (int i = 0; i < evidence.length; i++) {
            if (!Double.isFinite(evidence[i]) || !(choices[i] == 0 || choices[i] == 1)) {
                throw new IllegalArgumentException("trial " + i + ": evidence must be finite and the choice 0 or 1, got "
                        + evidence[i] + ", " + choices[i]);
            }
            double[] g = groups.computeIfAbsent(evidence[i], k -> new double[2]);
            g[0]++;
            g[1] += choices[i];
        }
        int k = groups.size();
        double[] x = new double[k];
        double[] n = new double[k];
        double[] y = new double[k];
        int i = 0;
        double scale = 0;
        for (Map.Entry<Double, double[]> e : groups.entrySet()) {
            x[i] = e.getKey();
            n[i] = e.getValue()[0];
            y[i] = e.getValue()[1] / n[i];
            scale = Math.max(scale, Math.abs(x[i]));
            i++;
        }
        if (scale == 0) scale = 1;
        for (int j = 0; j < k; j++) x[j] /= scale;
        // Fit on x / scale, so that the slope starts near 1 whatever the units of the evidence.
        double b = 1;
        double a = 0;
        double maxSlope = 1e4;
        double lambda = 1e-3;
        double cost = cost(x, n, y, b, a);
        int it;
        boolean converged = false;
        for (it = 1; it <= 500; it++) {
            double jbb = 0;
            double jab = 0;
            double jaa = 0;
            double gb = 0;
            double ga = 0;
            for (int j = 0; j < k; j++) {
                double z = b * x[j] + a;
                double r = y[j] - Probit.probit(x[j], b, a);
                double d = normalDensity(z);
                double db = d * x[j];
                jbb += n[j] * db * db;
                jab += n[j] * db * d;
                jaa += n[j] * d * d;
                gb += n[j] * db * r;
                ga += n[j] * d * r;
            }
            double step;
            boolean improved = false;
            do {
                double m11 = jbb * (1 + lambda) + 1e-12;
                double m22 = jaa * (1 + lambda) + 1e-12;
                double det = m11 * m22 - jab * jab;
                double sb = (gb * m22 - ga * jab) / det;
                double sa = (ga * m11 - gb * jab) / det;
                double nb = Math.max(-maxSlope, Math.min(maxSlope, b + sb));
                double na = Math.max(-maxSlope, Math.min(maxSlope, a + sa));
                double c = cost(x, n, y, nb, na);
                step = Math.abs(nb - b) + Math.abs(na - a);
                if (c <= cost) {
                    improved = cost - c > 1e-15 * Math.max(1, cost) || step > 0;
                    b = nb;
                    a = na;
                    boolean small = cost - c <= 1e-12 * Math.max(1e-12, cost) && step < 1e-9 * (1 + Math.abs(b));
                    cost = c;
                    lambda = Math.max(1e-12, lambda / 3);
                    if (small) converged = true;
                    break;
                }
                lambda *= 4;
            } while (lambda < 1e12);
            if (converged || !improved || Math.abs(b) >= maxSlope) {
                converged = converged || !improved;
                break;
            }
        }
        return new Fit(b / scale, a, evidence.length, it, converged);
    }

    private static double cost(double[] x, double[] n, double[] y, double b, double a) {
        double c = 0;
        for (int j = 0; j < x.length; j++) {
            double r = y[j] - probit(x[j], b, a);
            c += n[j] * r * r;
        }
        return c;
    }
}
