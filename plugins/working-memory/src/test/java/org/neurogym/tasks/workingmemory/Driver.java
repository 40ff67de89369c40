package org.neurogym.tasks.workingmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.TaskDescriptor;

/** Plays single trials of a task with imposed facts and a scripted policy, for the rule tests. */
final class Driver {
    final TrialEnv env;

    Driver(TaskDescriptor task, Map<String, ?> params) {
        this.env = (TrialEnv) task.create(params).unwrapped();
        env.reset(7);
    }

    /** What one played trial gave. */
    record Played(List<Double> rewards, double performance, int steps) {
        double total() {
            return rewards.stream().mapToDouble(Double::doubleValue).sum();
        }

        double last() {
            return rewards.get(rewards.size() - 1);
        }
    }

    /** Replaces the current trial by one with {@code facts}; the env must be at the trial's first step. */
    Driver trial(Map<String, ?> facts) {
        if (env.stepIndex() != 0) throw new IllegalStateException("not at the start of a trial");
        env.newTrial(facts);
        return this;
    }

    /** True when step {@code step} lies in {@code period} of the current trial. */
    boolean in(String period, int step) {
        return env.hasPeriod(period) && env.periodStart(period) <= step && step < env.periodEnd(period);
    }

    /** Plays the current trial to its end, taking {@code policy.applyAsInt(step)} at each step. */
    Played play(IntUnaryOperator policy) {
        List<Double> rewards = new ArrayList<>();
        int limit = env.trialLength();
        for (int i = 0; i < limit; i++) {
            int step = env.stepIndex();
            StepResult r = env.step(policy.applyAsInt(step));
            rewards.add(r.reward());
            if (r.newTrial()) return new Played(rewards, r.performance(), i + 1);
        }
        throw new AssertionError("the trial did not end within its length " + limit);
    }

    /** The observation element {@code c} at step {@code step} of the current trial. */
    float ob(int step, int c) {
        return env.trialObservations()[step * env.observationSize() + c];
    }

    /** The ground truth at step {@code step} of the current trial. */
    int gt(int step) {
        return env.trialGroundTruth()[step];
    }
}
