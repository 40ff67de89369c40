package org.neurogym.api;

import java.util.SplittableRandom;

/**
 * The random source of an env: every draw a task makes (trial sampling, noise, timing)
 * goes through one of these, so a single seed reproduces a whole run.
 *
 * <p>Backed by {@link SplittableRandom}, whose output is specified bit for bit, so a
 * seed gives the same stream on every JVM and machine. Not thread-safe: one per env.
 */
public final class Rng {
    private SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Restarts the stream from {@code seed}. */
    public void reseed(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A seed for the {@code index}-th child of {@code seed} (a batch row, a vector-env copy):
     * computed, never shared, and well mixed so that neighbouring indices give unrelated streams.
     */
    public static long derive(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int integer(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform integer in [low, high). */
    public int integer(int low, int high) {
        return random.nextInt(low, high);
    }

    /** Standard normal draw. */
    public double gaussian() {
        return random.nextGaussian();
    }

    /** Normal draw with the given mean and standard deviation. */
    public double gaussian(double mean, double std) {
        return mean + std * random.nextGaussian();
    }

    /** Exponential draw with the given mean. */
    public double exponential(double mean) {
        return mean * random.nextExponential();
    }

    /** True with probability {@code p}. */
    public boolean bernoulli(double p) {
        return random.nextDouble() < p;
    }

    /** One element of {@code values}, uniformly. */
    public double choice(double[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One element of {@code values}, uniformly. */
    public int choice(int[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.length - 1;
    }
}
