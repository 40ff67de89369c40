package org.neurogym.wrappers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;
import org.neurogym.tasks.workingmemory.DelayComparison;
import org.neurogym.tasks.workingmemory.DelayMatchSample;

/** Tasks to wrap, and a maker of tasks by id from the task plugins' descriptors. */
final class Fixtures {
    private Fixtures() {}

    static final List<TaskDescriptor> TASKS = List.of(PerceptualDecisionMaking.DESCRIPTOR, DelayMatchSample.DESCRIPTOR,
            DelayComparison.DESCRIPTOR);

    static final EnvMaker MAKER = (id, params) -> {
        for (TaskDescriptor d : TASKS) if (d.id().equals(id)) return d.create(params);
        throw new NeuroGymException("no task " + id);
    };

    static TrialEnv pdm() {
        return pdm(Map.of());
    }

    static TrialEnv pdm(Map<String, ?> params) {
        return (TrialEnv) PerceptualDecisionMaking.DESCRIPTOR.create(params);
    }

    static TrialEnv dms() {
        return (TrialEnv) DelayMatchSample.DESCRIPTOR.create(Map.of());
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Sets every observation of every trial to a constant, in newTrial only (the reference test's wrapper). */
    static final class ConstantObservation extends TrialWrapper {
        final float value;

        ConstantObservation(Env env, float value) {
            super(env);
            this.value = value;
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            Trial t = trialEnv.newTrial(kwargs);
            int n = trialLength() * ((Box) observationSpace()).size();
            java.util.Arrays.fill(trialObservations(), 0, n, value);
            return t;
        }
    }

    /** An env that is not trial based. */
    static final class Bare implements Env {
        private final StepResult result = new StepResult(3, 0);

        @Override public Space observationSpace() { return Box.unbounded(3); }
        @Override public Space actionSpace() { return new Discrete(3); }
        @Override public double dt() { return 100; }
        @Override public float[] reset(long seed) { return new float[3]; }
        @Override public float[] reset() { return new float[3]; }
        @Override public StepResult step(int action) { return result; }
        @Override public StepResult step(float[] action) { return result; }
    }
}
