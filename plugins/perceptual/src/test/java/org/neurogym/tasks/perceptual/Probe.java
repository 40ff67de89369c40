package org.neurogym.tasks.perceptual;

import java.util.Map;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.TaskDescriptor;

/** Test helpers: make a task, read its trial matrices, step it through periods. */
final class Probe {
    private Probe() {}

    @SuppressWarnings("unchecked")
    static <T extends TrialEnv> T make(TaskDescriptor task, Map<String, ?> params) {
        return (T) task.create(params).unwrapped();
    }

    static <T extends TrialEnv> T make(TaskDescriptor task) {
        return make(task, Map.of());
    }

    /** Resets with {@code seed}, then replaces the first trial by one with the given facts. */
    static void start(TrialEnv env, long seed, Map<String, ?> facts) {
        env.reset(seed);
        env.newTrial(facts);
    }

    /** Observation element {@code c} at step {@code t} of the current trial. */
    static float ob(TrialEnv env, int t, int c) {
        return env.trialObservations()[t * env.observationSize() + c];
    }

    /** The single index of a one-element observation channel. */
    static int obIndex(TrialEnv env, String channel) {
        return env.observationSpace().channel(channel)[0];
    }

    static int gt(TrialEnv env, int t) {
        return env.trialGroundTruth()[t];
    }

    /** Takes action 0 until the current step is the first of {@code period}; fails if a trial ends first. */
    static void fixateUntil(TrialEnv env, String period) {
        int target = env.periodStart(period);
        while (env.stepIndex() < target) {
            StepResult r = env.step(0);
            if (r.newTrial()) throw new AssertionError("trial ended before period " + period);
        }
    }

    /** Takes action 0 until the trial ends; returns the last step's result. */
    static StepResult fixateToEnd(TrialEnv env) {
        while (true) {
            StepResult r = env.step(0);
            if (r.newTrial()) return r;
        }
    }
}
