package org.neurogym.core.run;

import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.space.Discrete;

/** Steps an env with an agent for a number of trials or steps, and reports. */
public final class Runner {
    private Runner() {}

    /** How long to run: until {@code trials} trials have ended, or for {@code steps} steps. */
    public record Limit(long trials, long steps) {
        public static Limit trials(long n) {
            if (n <= 0) throw new IllegalArgumentException("--trials must be positive, got " + n);
            return new Limit(n, 0);
        }

        public static Limit steps(long n) {
            if (n <= 0) throw new IllegalArgumentException("--steps must be positive, got " + n);
            return new Limit(0, n);
        }
    }

    /** A safety net: a run for N trials gives up after this many steps per requested trial. */
    static final long MAX_STEPS_PER_TRIAL = 100_000;

    public static RunReport run(String task, Env env, Agent agent, String agentName, long seed, Limit limit) {
        boolean discrete = env.actionSpace() instanceof Discrete;
        RunDigest digest = new RunDigest();
        float[] ob = env.reset(seed);
        digest.observation(ob);
        long steps = 0;
        long trials = 0;
        double reward = 0;
        double performance = 0;
        java.util.Map<String, double[]> info = new java.util.TreeMap<>(); // key -> {sum, count}
        long maxSteps = limit.trials() > 0 ? limit.trials() * MAX_STEPS_PER_TRIAL : limit.steps();
        long start = System.nanoTime();
        while (limit.trials() > 0 ? trials < limit.trials() : steps < limit.steps()) {
            if (steps >= maxSteps) {
                throw new NeuroGymException(task + ": only " + trials + " of " + limit.trials() + " trials ended in "
                        + steps + " steps; does the agent ever end a trial?");
            }
            StepResult r;
            if (discrete) {
                int a = agent.act(ob);
                digest.action(a);
                r = env.step(a);
            } else {
                float[] a = agent.actContinuous(ob);
                digest.action(a);
                r = env.step(a);
            }
            steps++;
            reward += r.reward();
            digest.reward(r.reward());
            ob = r.observation();
            digest.observation(ob);
            if (r.newTrial()) {
                trials++;
                performance += r.performance();
                for (var e : r.infoIfAny().entrySet()) {
                    if (e.getValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                        double[] acc = info.computeIfAbsent(e.getKey(), k -> new double[2]);
                        acc[0] += n.doubleValue();
                        acc[1]++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunReport(task, agentName, seed, trials, steps, reward,
                trials == 0 ? Double.NaN : reward / trials,
                trials == 0 ? Double.NaN : performance / trials,
                seconds > 0 ? steps / seconds : Double.POSITIVE_INFINITY, digest.hex(), means(info));
    }

    private static java.util.Map<String, Double> means(java.util.Map<String, double[]> info) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        info.forEach((k, acc) -> out.put(k, acc[0] / acc[1]));
        return out;
    }
}
