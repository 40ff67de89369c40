package org.neurogym.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.core.NeuroGym;
import org.neurogym.core.registry.TaskEntry;

/**
 * The bounded fuzz suite of issue #16: every task of the distribution × a grid of hostile values
 * (NaN, ±infinity, 0, negative, huge, empty) for each of its numeric parameters, each reward and
 * each period of its timing. Each case must end one of two ways: a one-line
 * {@link ParameterException} naming the key, or a seeded run of {@value #STEPS} random steps whose
 * observations and rewards are all finite. Runs in a JVM of a small heap (see the pom), so a size
 * that asks for too much memory fails fast instead of filling the machine.
 */
class HostileParametersIT {
    private static final int STEPS = 200;
    private static final double HUGE = 1e12;
    private static final int HUGE_INT = 1_000_000_000;

    private int refused;
    private int ranFinite;
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyTaskRefusesOrRunsFiniteUnderHostileParameters() {
        List<TaskEntry> tasks = NeuroGym.tasks();
        for (TaskEntry task : tasks) {
            for (ParamSpec spec : task.descriptor().parameters()) {
                for (Map.Entry<String, Object> c : cases(task, spec).entrySet()) {
                    String label = c.getKey();
                    Map<String, Object> params = c.getValue() instanceof Nested n ? n.params() : Map.of(spec.name(), c.getValue());
                    judge(task.id(), label, params);
                }
            }
        }
        int total = refused + ranFinite + failures.size();
        long modcog = tasks.stream().filter(t -> t.id().startsWith("modcog.")).count();
        long visual = tasks.stream().filter(t -> t.descriptor().family().equals("visual")).count();
        System.out.printf("hostile parameters: %d tasks (%d Mod-Cog, %d visual), %d cases: %d refused naming the key, %d ran finite, %d failed%n",
                tasks.size(), modcog, visual, total, refused, ranFinite, failures.size());
        assertTrue(tasks.size() >= 140, "the distribution's tasks: " + tasks.size());
        // every family of the distribution is in the grid, the Mod-Cog and pixel tasks included
        assertTrue(modcog >= 80, "Mod-Cog tasks in the grid: " + modcog);
        assertTrue(visual >= 3, "visual (pixel) tasks in the grid: " + visual);
        assertTrue(failures.isEmpty(), failures.size() + " of " + total + " cases failed:\n" + String.join("\n", failures));
    }

    /** A case that sets a table entry (rewards.x, timing.x): the key to expect and the parameters to give. */
    private record Nested(Map<String, Object> params) {}

    private static Map<String, Object> cases(TaskEntry task, ParamSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        String k = spec.name();
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        switch (spec.type()) {
            case NUMBER -> {
                put(out, k, nan, inf, -inf, 0.0, -1.0, HUGE);
                if (k.equals("dt")) put(out, k, 1000.0); // longer than many tasks' periods (issue #16)
            }
            case INTEGER -> put(out, k, nan, inf, 0, -1, HUGE_INT);
            case NUMBER_LIST, INTEGER_LIST -> put(out, k, List.of(), List.of(nan), List.of(inf), List.of(0), List.of(-1),
                    List.of(spec.type() == org.neurogym.api.param.ParamType.INTEGER_LIST ? HUGE_INT : HUGE));
            case NUMBER_MATRIX -> put(out, k, List.of(), List.of(List.of()), List.of(List.of(nan)), List.of(List.of(-1)),
                    List.of(List.of(HUGE)));
            case ANY -> put(out, k, nan, List.of(), 0, -1, HUGE);
            case STRING -> put(out, k, "");
            case REWARDS -> {
                for (String reward : defaults(task).rewards) {
                    for (Object v : List.of(nan, inf, -inf, HUGE)) {
                        out.put(k + "." + reward + "=" + v, new Nested(Map.of(k, Map.of(reward, v))));
                    }
                }
            }
            case TIMING -> {
                for (String period : defaults(task).periods) {
                    for (Object v : List.of(nan, inf, 0, -1, HUGE, List.of())) {
                        out.put(k + "." + period + "=" + v, new Nested(Map.of(k, Map.of(period, v))));
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    private static void put(Map<String, Object> out, String key, Object... values) {
        for (Object v : values) out.put(key + "=" + v, v);
    }

    private record Tables(List<String> rewards, List<String> periods) {}

    private static Tables defaults(TaskEntry task) {
        try (Env env = NeuroGym.make(task.id())) {
            if (env.unwrapped() instanceof TrialEnv t) {
                return new Tables(List.copyOf(t.rewards().keySet()), List.copyOf(t.timing().keySet()));
            }
            return new Tables(List.of(), List.of());
        }
    }

    private void judge(String id, String label, Map<String, Object> params) {
        String key = label.substring(0, label.indexOf('='));
        String where = id + " " + label;
        Env env;
        try {
            env = NeuroGym.make(id, params);
        } catch (ParameterException e) {
            String msg = String.valueOf(e.getMessage());
            // the key, or a partner parameter the task blames with the given key named in the message
            boolean named = names(e.key(), key) || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(key) + "\\b").matcher(msg).find();
            if (!named || msg.contains("\n")) {
                failures.add(where + ": parameter error names '" + e.key() + "', not " + key + ": " + msg);
            } else {
                refused++;
            }
            return;
        } catch (RuntimeException | Error e) {
            failures.add(where + ": making the task threw " + e);
            return;
        }
        try (env) {
            String bad = runFinite(env);
            if (bad == null) ranFinite++;
            else failures.add(where + ": " + bad);
        } catch (ParameterException e) {
            failures.add(where + ": a parameter error only at run time: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            failures.add(where + ": running threw " + e);
        }
    }

    /** rewards.correct is named by rewards.correct or by its table, rewards; cohs by cohs or an element, cohs[1]. */
    private static boolean names(String given, String expected) {
        if (given == null) return false;
        return given.equals(expected) || given.startsWith(expected + "[") || given.startsWith(expected + ".")
                || expected.startsWith(given + ".");
    }

    private static String runFinite(Env env) {
        float[] ob = env.reset(7);
        Agent agent = Agents.random(env.actionSpace(), 11);
        boolean box = env.actionSpace() instanceof Box;
        for (int t = 0; t < STEPS; t++) {
            String notFinite = firstNonFinite(ob);
            if (notFinite != null) return "observation " + notFinite + " at step " + t;
            StepResult r = box ? env.step(agent.actContinuous(ob)) : env.step(agent.act(ob));
            if (!Double.isFinite(r.reward())) return "reward " + r.reward() + " at step " + t;
            ob = r.observation();
        }
        return null;
    }

    private static String firstNonFinite(float[] ob) {
        for (int i = 0; i < ob.length; i++) if (!Float.isFinite(ob[i])) return "[" + i + "] = " + ob[i];
        return null;
    }
}
