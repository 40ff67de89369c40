package org.neurogym.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Box;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.testkit.CheckResult.Status;

/**
 * The contract every wrapper must meet, runnable from JUnit ({@link WrapperContractTests}) and from
 * the CLI ({@code neurogym check --wrapper ID}). The wrapper is tried on every task: a task it
 * accepts ({@link WrapperDescriptor#accepts()}) must wrap, keep its spaces, step with random actions,
 * reproduce from a seed and show, while an oracle steps it, the observations its trial matrices
 * hold; a task it does not accept must be refused with a {@link NeuroGymException}.
 */
public final class WrapperContract {
    public static final String REFUSAL = "refusal";
    public static final String SPACES = "spaces";
    public static final String RANDOM_AGENT = "random agent";
    public static final String DETERMINISM = "seed determinism";
    public static final String MATRICES = "trial matrices";

    private WrapperContract() {}

    /** Runs every check of {@code wrapper} on every task; {@code maker} makes the further tasks a wrapper may need. */
    public static List<CheckResult> run(WrapperDescriptor wrapper, List<TaskDescriptor> tasks, EnvMaker maker, ContractOptions options) {
        List<CheckResult> out = new ArrayList<>();
        for (TaskDescriptor task : tasks) out.addAll(run(wrapper, task, maker, options));
        return out;
    }

    /** Runs every check of {@code wrapper} on one task. */
    public static List<CheckResult> run(WrapperDescriptor wrapper, TaskDescriptor task, EnvMaker maker, ContractOptions o) {
        Case c = new Case(wrapper, task, maker, o);
        boolean accepted;
        try (Env env = task.create(o.params(), maker)) {
            accepted = wrapper.accepts().test(env);
        } catch (RuntimeException e) {
            return List.of(new CheckResult(c.name(), SPACES, Status.SKIP, "the task cannot be made with these parameters: " + e.getMessage()));
        }
        if (!accepted) return List.of(guard(c, REFUSAL, () -> refusal(c)));
        return List.of(guard(c, SPACES, () -> spaces(c)), guard(c, RANDOM_AGENT, () -> randomAgent(c)),
                guard(c, DETERMINISM, () -> determinism(c)), guard(c, MATRICES, () -> matrices(c)));
    }

    /** One wrapper over one task. */
    record Case(WrapperDescriptor wrapper, TaskDescriptor task, EnvMaker maker, ContractOptions options) {
        String name() {
            return wrapper.id() + "(" + task.id() + ")";
        }

        Env make() {
            Env env = task.create(options.params(), maker);
            return wrapper.wrap(env, wrapper.contract().params().apply(task.id(), env), maker);
        }

        CheckResult pass(String check, String detail) {
            return new CheckResult(name(), check, Status.PASS, detail);
        }

        CheckResult fail(String check, String detail) {
            return new CheckResult(name(), check, Status.FAIL, detail);
        }
    }

    private static CheckResult guard(Case c, String check, TaskContract.Check body) {
        try {
            return body.run();
        } catch (Throwable e) {
            return c.fail(check, "threw " + e);
        }
    }

    static CheckResult refusal(Case c) {
        try (Env env = c.make()) {
            return c.fail(REFUSAL, "accepts only " + c.wrapper().accepts().description() + ", yet wrapped " + c.task().id());
        } catch (NeuroGymException e) {
            if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                return c.fail(REFUSAL, "refused without a one-line message: " + e);
            }
            return c.pass(REFUSAL, "refused: " + e.getMessage());
        }
    }

    static CheckResult spaces(Case c) {
        try (Env task = c.task().create(c.options().params(), c.maker()); Env env = c.make()) {
            Box inner = (Box) task.observationSpace();
            if (inner.shape().length != 1) {
                // channels can be appended to a vector only: over an image the wrapper must leave the space as it is
                if (!env.observationSpace().toString().equals(inner.toString())) {
                    return c.fail(SPACES, "observations of shape " + Arrays.toString(inner.shape()) + " must keep their space "
                            + inner + ", got " + env.observationSpace());
                }
            } else if (!(env.observationSpace() instanceof Box b) || b.shape().length != 1) {
                return c.fail(SPACES, "observations must stay a 1-D Box, got " + env.observationSpace());
            }
            Box box = (Box) env.observationSpace();
            if (box.size() < inner.size()) return c.fail(SPACES, "the observation shrank from " + inner.size() + " to " + box.size());
            if (!env.actionSpace().toString().equals(task.actionSpace().toString())) {
                return c.fail(SPACES, "the action space changed from " + task.actionSpace() + " to " + env.actionSpace());
            }
            float[] first = env.reset(c.options().seed());
            if (first.length != box.size() || !box.contains(first)) {
                return c.fail(SPACES, "reset's observation " + Arrays.toString(first) + " is outside " + box);
            }
            return c.pass(SPACES, "observations " + inner.size() + " -> " + box.size() + " wide, actions unchanged, reset's observation in space");
        }
    }

    static CheckResult randomAgent(Case c) {
        ContractOptions o = c.options();
        try (Env env = c.make()) {
            Box space = (Box) env.observationSpace();
            Agent agent = Agents.random(env.actionSpace(), o.seed());
            float[] ob = env.reset(o.seed());
            int trials = 0;
            for (int i = 0; i < o.randomSteps(); i++) {
                if (ob.length != space.size() || !space.contains(ob) || !finite(ob)) {
                    return c.fail(RANDOM_AGENT, "observation outside " + space + " at step " + i + ": " + Arrays.toString(ob));
                }
                StepResult r = TaskContract.step(env, agent, ob);
                if (!Double.isFinite(r.reward())) return c.fail(RANDOM_AGENT, "non-finite reward at step " + i);
                if (r.newTrial()) trials++;
                ob = r.observation();
            }
            if (trials == 0) return c.fail(RANDOM_AGENT, "no trial ended in " + o.randomSteps() + " steps");
            return c.pass(RANDOM_AGENT, o.randomSteps() + " steps, " + trials + " trials, observations finite and in space");
        }
    }

    private static boolean finite(float[] x) {
        for (float v : x) if (!Float.isFinite(v)) return false;
        return true;
    }

    /** Observations and rewards of a seeded random run. */
    private static List<String> trace(Case c, long seed, int steps) {
        try (Env env = c.make()) {
            Agent agent = Agents.random(env.actionSpace(), seed);
            List<String> out = new ArrayList<>();
            float[] ob = env.reset(seed);
            out.add(Arrays.toString(ob));
            for (int i = 0; i < steps; i++) {
                StepResult r = TaskContract.step(env, agent, ob);
                ob = r.observation();
                out.add(Arrays.toString(ob) + " " + r.reward() + " " + r.newTrial() + " " + r.infoIfAny());
            }
            return out;
        }
    }

    static CheckResult determinism(Case c) {
        int steps = Math.min(1_000, c.options().randomSteps());
        long seed = c.options().seed();
        if (!trace(c, seed, steps).equals(trace(c, seed, steps))) return c.fail(DETERMINISM, "two runs with seed " + seed + " differ");
        return c.pass(DETERMINISM, "same seed, same " + steps + " steps");
    }

    static CheckResult matrices(Case c) {
        try (Env env = c.make()) {
            if (!(env instanceof TrialBased trials)) return c.pass(MATRICES, "not trial-based: no matrices to compare");
            int width = ((Box) env.observationSpace()).size();
            boolean[] live = new boolean[width];
            Map<String, int[]> channels = ((Box) env.observationSpace()).channels();
            for (String name : c.wrapper().contract().liveChannels()) {
                for (int i : channels.getOrDefault(name, new int[0])) live[i] = true;
            }
            Agent oracle = Agents.oracle(env);
            float[] ob = env.reset(c.options().seed());
            int steps = Math.min(2_000, c.options().randomSteps());
            int compared = 0;
            for (int i = 0; i <= steps; i++) {
                // pixel tasks hold their trial as uint8 frames, stepped as floats of the same values
                byte[] frames = trials.trialFrames();
                float[] m = frames == null ? trials.trialObservations() : null;
                int row = trials.stepIndex() * width;
                if ((frames != null ? frames.length : m.length) < row + width) {
                    return c.fail(MATRICES, "the trial matrix is narrower than the observation space at step " + i);
                }
                for (int k = 0; k < width; k++) {
                    float held = frames != null ? frames[row + k] & 0xFF : m[row + k];
                    if (!live[k] && Float.compare(ob[k], held) != 0) {
                        return c.fail(MATRICES, "at step " + i + " (trial step " + trials.stepIndex() + ") observation element " + k
                                + " is " + ob[k] + " but the trial matrix holds " + held);
                    }
                }
                compared++;
                if (i == steps) break;
                StepResult r = TaskContract.step(env, oracle, ob);
                while (r.observationProvided() && i < steps) {
                    r = TaskContract.step(env, oracle, r.observation());
                    i++;
                }
                ob = r.observation();
            }
            return c.pass(MATRICES, compared + " stepped observations equal their trial-matrix rows"
                    + (c.wrapper().contract().liveChannels().isEmpty() ? "" : " (but live channels " + c.wrapper().contract().liveChannels() + ")"));
        }
    }
}
