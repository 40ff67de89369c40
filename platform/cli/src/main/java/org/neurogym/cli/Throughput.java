package org.neurogym.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neurogym.api.Env;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.data.Dataset;
import org.neurogym.data.VectorEnv;

/**
 * The figures of {@code neurogym bench}: operations per second of one kind of work, as the median
 * of {@value #ROUNDS} timed rounds after a warm-up round half as long as all of them together.
 * Each figure times only the operation: envs, datasets and action tables are made before the clock starts.
 */
final class Throughput {
    static final int ROUNDS = 3;
    static final int BATCH = 16;
    static final int SEQ = 100;
    /** Distinct actions per copy cycled through by the vector figure, drawn before timing (as the reference's benchmark does). */
    private static final int ACTION_TABLE_STEPS = 256;

    private final long roundNanos;
    private final long seed;

    Throughput(double seconds, long seed) {
        this.roundNanos = (long) (seconds / ROUNDS * 1e9);
        this.seed = seed;
    }

    /** Steps/s of a seeded random agent through the public step, new trials included. */
    double steps(Env env) {
        Agent agent = Agents.random(env.actionSpace(), seed);
        boolean discrete = env.actionSpace() instanceof Discrete;
        float[][] ob = {env.reset(seed)};
        return measure(4096, () -> {
            for (int i = 0; i < 4096; i++) {
                StepResult res = discrete ? env.step(agent.act(ob[0])) : env.step(agent.actContinuous(ob[0]));
                ob[0] = res.observation();
            }
        });
    }

    /** New trials/s built by the top of the env's trial stack (no stepping); resets the env afterwards. */
    double newTrials(Env env, TrialBased trials) {
        Map<String, Object> none = Map.of();
        env.reset(seed);
        double rate = measure(256, () -> {
            for (int i = 0; i < 256; i++) trials.newTrial(none);
        });
        env.reset(seed);
        return rate;
    }

    /**
     * Dataset timesteps/s at batch {@value #BATCH}, seq {@value #SEQ}, time-major, for each thread
     * count of {@code counts} (the first is the baseline, normally 1). The datasets take turns, one
     * round each, over {@value #SCALING_ROUNDS} rounds after a warm-up: on a shared machine the load
     * drifts over seconds, so a scaling measured as one count's rounds after another's says more about
     * the drift than about the threads. Each count's figure is its median round; its scaling is the
     * median over rounds of its rate over the baseline's rate in the same round.
     */
    DatasetRates datasetTimesteps(Supplier<Env> factory, List<Integer> counts) {
        int k = counts.size();
        Dataset[] sets = new Dataset[k];
        try {
            for (int i = 0; i < k; i++) sets[i] = Dataset.builder(factory).batchSize(BATCH).seqLen(SEQ).seed(seed).threads(counts.get(i)).build();
            long round = roundNanos * ROUNDS / SCALING_ROUNDS;
            for (Dataset ds : sets) rate(BATCH * SEQ, ds::next, round * SCALING_ROUNDS / 2); // warm-up
            double[][] rates = new double[k][SCALING_ROUNDS];
            for (int r = 0; r < SCALING_ROUNDS; r++) {
                for (int i = 0; i < k; i++) rates[i][r] = rate(BATCH * SEQ, sets[i]::next, round);
            }
            double[] median = new double[k];
            double[] scaling = new double[k];
            for (int i = 0; i < k; i++) {
                double[] ratio = new double[SCALING_ROUNDS];
                for (int r = 0; r < SCALING_ROUNDS; r++) ratio[r] = rates[i][r] / rates[0][r];
                median[i] = median(rates[i]);
                scaling[i] = median(ratio);
            }
            return new DatasetRates(median, scaling);
        } finally {
            for (Dataset ds : sets) if (ds != null) ds.close();
        }
    }

    /** Per thread count (in the order asked): median timesteps/s and median scaling over the first count. */
    record DatasetRates(double[] rates, double[] scaling) {}

    /** Rounds of the Dataset figures, taken in turn by every thread count. */
    static final int SCALING_ROUNDS = 7;

    /** {@code perCall} units per call of {@code call}, per second, over one round of {@code budget} ns. */
    private static double rate(long perCall, Runnable call, long budget) {
        long n = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            call.run();
            n++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return n * (double) perCall / (elapsed / 1e9);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Steps/s summed over the copies of a vector env of {@code copies} copies stepped on {@code threads} threads. */
    double vectorSteps(Supplier<Env> factory, int copies, int threads) {
        try (VectorEnv vec = VectorEnv.builder(factory).copies(copies).threads(threads).seed(seed).build()) {
            vec.reset();
            Rng rng = new Rng(seed);
            if (vec.actionSize() == 0) {
                int n = ((Discrete) vec.actionSpace()).n();
                int[][] table = new int[ACTION_TABLE_STEPS][copies];
                for (int[] step : table) for (int i = 0; i < copies; i++) step[i] = rng.integer(n);
                int[] k = {0};
                return measure(copies, () -> vec.step(table[k[0]++ & (ACTION_TABLE_STEPS - 1)]));
            }
            Box space = (Box) vec.actionSpace();
            int a = vec.actionSize();
            float[][] table = new float[ACTION_TABLE_STEPS][copies * a];
            for (float[] step : table) {
                for (int i = 0; i < step.length; i++) {
                    double lo = Math.max(-1, space.low(i % a)); // unbounded dimensions draw from [-1, 1]
                    double hi = Math.min(1, space.high(i % a));
                    step[i] = (float) rng.uniform(lo, hi);
                }
            }
            int[] k = {0};
            return measure(copies, () -> vec.step(table[k[0]++ & (ACTION_TABLE_STEPS - 1)]));
        }
    }

    /**
     * The median over the rounds of {@code perCall / seconds per call}; a warm-up round (half of all
     * rounds' time) comes first so that the JIT has compiled the loop.
     */
    private double measure(long perCall, Runnable call) {
        double[] rates = new double[ROUNDS];
        rate(perCall, call, roundNanos * ROUNDS / 2); // warm-up
        for (int r = 0; r < ROUNDS; r++) rates[r] = rate(perCall, call, roundNanos);
        return median(rates);
    }
}
