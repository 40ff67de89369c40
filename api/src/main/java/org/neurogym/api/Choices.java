package org.neurogym.api;

import java.util.Arrays;
import java.util.List;

/**
 * A task's choices, the reference's {@code env.choices}: the values its trials' {@code ground_truth}
 * takes, and the action that answers each. Wrappers that impose a trial's answer (SideBias,
 * RandomGroundTruth, TrialHistory) read them. A task declares them with
 * {@code TrialEnv.defineChoices}.
 */
public record Choices(int[] values, int[] actions) {
    public Choices {
        if (values.length == 0 || values.length != actions.length) {
            throw new IllegalArgumentException("choices need one action per value, at least one: values "
                    + Arrays.toString(values) + ", actions " + Arrays.toString(actions));
        }
        values = values.clone();
        actions = actions.clone();
    }

    /** Values {@code first, first + 1, ...}, one per action. */
    public static Choices numbered(int first, int... actions) {
        int[] values = new int[actions.length];
        for (int j = 0; j < values.length; j++) values[j] = first + j;
        return new Choices(values, actions);
    }

    /** The number of choices. */
    public int count() {
        return values.length;
    }

    /** The {@code ground_truth} value of choice {@code j}. */
    public int value(int j) {
        return values[j];
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    @Override
    public int[] actions() {
        return actions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Choices c && Arrays.equals(values, c.values) && Arrays.equals(actions, c.actions);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(actions);
    }

    @Override
    public String toString() {
        return "ground_truth " + Arrays.toString(values) + " answered by actions " + Arrays.toString(actions);
    }

    /**
     * The choices the tasks under {@code env} declare (under a schedule of envs every task's, which
     * must agree). An error naming {@code wrapper} and the task when a task declares none.
     */
    public static Choices of(String wrapper, Env env) {
        TrialBased below = TrialBased.nearest(env);
        if (below == null) throw new NeuroGymException(wrapper + " needs a trial-based task, but " + env.name() + " is not one");
        Choices found = null;
        String foundIn = null;
        for (TrialEnv task : below.tasks()) {
            Choices c = task.choices();
            if (c == null) {
                throw new NeuroGymException(wrapper + " needs a task that declares its choices, but " + task.name() + " declares none");
            }
            if (found != null && !found.equals(c)) {
                throw new NeuroGymException(wrapper + " needs the scheduled tasks to share their choices, but " + foundIn
                        + " has " + found + " and " + task.name() + " has " + c);
            }
            found = c;
            foundIn = task.name();
        }
        return found;
    }

    /** True when every task under {@code env} declares the same choices. */
    public static boolean declared(Env env) {
        TrialBased below = TrialBased.nearest(env);
        if (below == null) return false;
        List<TrialEnv> tasks = below.tasks();
        return tasks.stream().allMatch(t -> t.choices() != null && t.choices().equals(tasks.get(0).choices()));
    }
}
