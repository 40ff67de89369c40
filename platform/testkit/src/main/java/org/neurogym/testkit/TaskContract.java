package org.neurogym.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;
import org.neurogym.testkit.CheckResult.Status;

/**
 * The contract every task must meet, runnable from JUnit ({@link TaskContractTests}) and from
 * the CLI ({@code neurogym check}). Each check is independent: one failing does not hide others.
 */
public final class TaskContract {
    public static final String RANDOM_AGENT = "random agent";
    public static final String DETERMINISM = "seed determinism";
    public static final String ORACLE = "oracle";
    public static final String TRIAL_LENGTH = "trial length";
    public static final String CHANNELS = "channel names";

    private TaskContract() {}

    /** Runs every check on the task. */
    public static List<CheckResult> run(TaskDescriptor task, ContractOptions options) {
        Expect e = new Expect(options.resolve(task.contract()));
        List<CheckResult> out = new ArrayList<>();
        out.add(guard(task, RANDOM_AGENT, () -> randomAgent(task, options)));
        out.add(guard(task, DETERMINISM, () -> determinism(task, options, e)));
        out.add(guard(task, ORACLE, () -> oracle(task, options, e)));
        out.add(guard(task, TRIAL_LENGTH, () -> trialLength(task, options, e)));
        out.add(guard(task, CHANNELS, () -> channels(task, options)));
        return out;
    }

    /** The expectations in force for one run. */
    record Expect(org.neurogym.api.spi.ContractExpectations x) {}

    interface Check {
        CheckResult run() throws Exception;
    }

    private static CheckResult guard(TaskDescriptor task, String name, Check check) {
        try {
            return check.run();
        } catch (Throwable e) {
            return new CheckResult(task.id(), name, Status.FAIL, "threw " + e);
        }
    }

    private static Env make(TaskDescriptor task, ContractOptions o) {
        return task.create(o.params(), o.maker());
    }

    /** Steps the env once with {@code agent}. */
    static StepResult step(Env env, Agent agent, float[] observation) {
        return agent.step(env, observation);
    }

    /** Where an exemption was declared, for reports: the descriptor's source line, or the test's. */
    private static String declared(Expect e) {
        return e.x().declaredAt() == null ? "" : " (exemption declared at " + e.x().declaredAt() + ")";
    }

    static CheckResult randomAgent(TaskDescriptor task, ContractOptions o) {
        try (Env env = make(task, o)) {
            Box obSpace = (Box) env.observationSpace();
            Agent agent = Agents.random(env.actionSpace(), o.seed());
            float[] ob = env.reset(o.seed());
            int trials = 0;
            for (int i = 0; i < o.randomSteps(); i++) {
                if (!finite(ob) || !obSpace.contains(ob)) {
                    return fail(task, RANDOM_AGENT, "observation outside " + obSpace + " at step " + i + ": " + Arrays.toString(ob));
                }
                StepResult r = step(env, agent, ob);
                if (!Double.isFinite(r.reward())) return fail(task, RANDOM_AGENT, "non-finite reward at step " + i);
                if (r.newTrial()) {
                    trials++;
                    if (r.trial() == null) return fail(task, RANDOM_AGENT, "a new trial without trial facts at step " + i);
                }
                ob = r.observation();
            }
            if (trials == 0) return fail(task, RANDOM_AGENT, "no trial ended in " + o.randomSteps() + " steps");
            return pass(task, RANDOM_AGENT, o.randomSteps() + " steps, " + trials + " trials, all observations finite and in space");
        }
    }

    /**
     * What a seeded run produced, for comparison: a 64-bit fingerprint of each observation rather
     * than the observation (a pixel task's frames would take gigabytes).
     */
    record Trace(long[] observations, double[] rewards, List<String> trials) {
        boolean sameAs(Trace t) {
            return Arrays.equals(observations, t.observations) && Arrays.equals(rewards, t.rewards) && trials.equals(t.trials);
        }
    }

    /** FNV-1a over the bits of every element. */
    private static long fingerprint(float[] ob) {
        long h = 0xcbf29ce484222325L;
        for (float v : ob) h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        return h;
    }

    static Trace trace(TaskDescriptor task, ContractOptions o, long seed, int steps) {
        try (Env env = make(task, o)) {
            Agent agent = Agents.random(env.actionSpace(), seed);
            long[] obs = new long[steps + 1];
            double[] rewards = new double[steps];
            List<String> trials = new ArrayList<>();
            float[] ob = env.reset(seed);
            TrialEnv t = (TrialEnv) env.unwrapped();
            trials.add(describe(t.trial().asMap()));
            obs[0] = fingerprint(ob);
            for (int i = 0; i < steps; i++) {
                StepResult r = step(env, agent, ob);
                rewards[i] = r.reward();
                if (r.newTrial()) trials.add(describe(r.trial().asMap()));
                ob = r.observation();
                obs[i + 1] = fingerprint(ob);
            }
            return new Trace(obs, rewards, trials);
        }
    }

    private static String describe(Map<String, Object> facts) {
        StringBuilder sb = new StringBuilder();
        facts.forEach((k, v) -> sb.append(k).append('=').append(v instanceof double[] a ? Arrays.toString(a)
                : v instanceof int[] a ? Arrays.toString(a) : v instanceof float[] a ? Arrays.toString(a) : Objects.toString(v)).append(';'));
        return sb.toString();
    }

    static CheckResult determinism(TaskDescriptor task, ContractOptions o, Expect e) {
        int steps = Math.min(2_000, o.randomSteps());
        Trace a = trace(task, o, o.seed(), steps);
        Trace b = trace(task, o, o.seed(), steps);
        if (!a.sameAs(b)) return fail(task, DETERMINISM, "two runs with seed " + o.seed() + " differ");
        if (e.x().noRandomnessReason() != null) {
            return pass(task, DETERMINISM, "same seed, same " + steps + " steps; seeds need not differ: "
                    + e.x().noRandomnessReason() + declared(e));
        }
        Trace c = trace(task, o, o.seed() + 1, steps);
        if (a.sameAs(c)) return fail(task, DETERMINISM, "seeds " + o.seed() + " and " + (o.seed() + 1) + " give identical runs");
        return pass(task, DETERMINISM, "same seed, same " + steps + " steps and trial facts; another seed differs");
    }

    static CheckResult oracle(TaskDescriptor task, ContractOptions o, Expect e) {
        if (e.x().noOracleReason() != null) return skip(task, ORACLE, e.x().noOracleReason() + declared(e));
        double needed = e.x().minOraclePerformance();
        try (Env env = make(task, o)) {
            Agent agent = Agents.oracle(env);
            float[] ob = env.reset(o.seed());
            int trials = 0;
            int correct = 0;
            long maxSteps = 1_000_000L;
            for (long i = 0; trials < o.oracleTrials() && i < maxSteps; i++) {
                StepResult r = step(env, agent, ob);
                if (r.newTrial()) {
                    trials++;
                    if (r.performance() >= 1) correct++;
                }
                ob = r.observation();
            }
            if (trials < o.oracleTrials()) return fail(task, ORACLE, "only " + trials + " trials ended in " + maxSteps + " steps");
            double share = (double) correct / trials;
            String detail = String.format("performance 1 on %d of %d trials (%.1f%%, needs %.1f%%)",
                    correct, trials, 100 * share, 100 * needed)
                    + (e.x().oracleReason() == null ? "" : "; lowered because " + e.x().oracleReason() + declared(e));
            return share >= needed ? pass(task, ORACLE, detail) : fail(task, ORACLE, detail);
        }
    }

    static CheckResult trialLength(TaskDescriptor task, ContractOptions o, Expect e) {
        try (Env env = make(task, o)) {
            if (!(env.unwrapped() instanceof TrialEnv t)) {
                return fail(task, TRIAL_LENGTH, "not a TrialEnv: the contract cannot sample its trials");
            }
            double expected;
            String how;
            if (e.x().expectedMeanSteps() != null) {
                expected = e.x().expectedMeanSteps().applyAsDouble(t);
                how = "declared at " + e.x().declaredAt();
            } else {
                t.reset(o.seed());
                List<String> periods = t.periods();
                if (!isPlainSequence(t, periods) || !periods.containsAll(t.timing().keySet())
                        || !t.timing().keySet().containsAll(periods)) {
                    return fail(task, TRIAL_LENGTH, "periods " + periods + " are not one plain sequence of the timing "
                            + t.timing().keySet() + ": declare the expected mean in the descriptor, "
                            + ".contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(...))");
                }
                expected = 0;
                for (String p : periods) expected += t.timing().get(p).meanSteps(t.dt());
                how = "sum of the periods' expected lengths";
            }
            var stats = t.trialLengthStats(o.timingTrials(), o.seed());
            boolean fixed = t.timing().values().stream().allMatch(Timing::isFixed) && e.x().expectedMeanSteps() == null;
            String detail = String.format("mean %.3f steps over %d trials, expected %.3f (%s)", stats.mean(), stats.trials(), expected, how);
            if (fixed) {
                return stats.std() == 0 && stats.mean() == expected ? pass(task, TRIAL_LENGTH, "fixed timing: " + detail)
                        : fail(task, TRIAL_LENGTH, "fixed timing must give exactly the expected length: " + detail);
            }
            boolean ok = Math.abs(stats.mean() - expected) <= 0.02 * expected;
            return ok ? pass(task, TRIAL_LENGTH, detail) : fail(task, TRIAL_LENGTH, detail + ", off by more than 2%");
        }
    }

    private static boolean isPlainSequence(TrialEnv t, List<String> periods) {
        int cursor = 0;
        for (String p : periods) {
            if (t.periodStart(p) != cursor) return false;
            cursor = t.periodEnd(p);
        }
        return cursor == t.trialLength();
    }

    static CheckResult channels(TaskDescriptor task, ContractOptions o) {
        try (Env env = make(task, o)) {
            String obs = coverage("observation", env.observationSpace(), ((Box) env.observationSpace()).size());
            if (obs != null) return fail(task, CHANNELS, obs);
            Space a = env.actionSpace();
            int n = a instanceof Discrete d ? d.n() : ((Box) a).size();
            String act = coverage("action", a, n);
            if (act != null) return fail(task, CHANNELS, act);
            return pass(task, CHANNELS, "observation " + env.observationSpace() + ", action " + a);
        }
    }

    private static String coverage(String what, Space space, int size) {
        BitSet seen = new BitSet(size);
        for (int[] idx : space.channels().values()) for (int i : idx) seen.set(i);
        if (seen.cardinality() != size) {
            BitSet missing = new BitSet(size);
            missing.set(0, size);
            missing.andNot(seen);
            return what + " elements " + missing + " of " + space + " have no channel name";
        }
        return null;
    }

    private static boolean finite(float[] x) {
        for (float v : x) if (!Float.isFinite(v)) return false;
        return true;
    }

    private static CheckResult pass(TaskDescriptor t, String check, String detail) {
        return new CheckResult(t.id(), check, Status.PASS, detail);
    }

    private static CheckResult fail(TaskDescriptor t, String check, String detail) {
        return new CheckResult(t.id(), check, Status.FAIL, detail);
    }

    private static CheckResult skip(TaskDescriptor t, String check, String detail) {
        return new CheckResult(t.id(), check, Status.SKIP, detail);
    }
}
