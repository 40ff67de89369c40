package org.neurogym.data;

import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.Wrapper;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;

/** Small tasks and wrappers for the data tests, and the perceptual task through the host. */
final class Fixtures {
    private Fixtures() {}

    static Env pdm() {
        return PerceptualDecisionMaking.DESCRIPTOR.create(Map.of());
    }

    /**
     * A task with a Box action space and trials of random length (3 to 9 steps): the observation
     * is {@code [trial index, step, noise]} and the target {@code [trial index, step]}, so a test
     * can see exactly where every value came from.
     */
    static final class Ramp extends TrialEnv {
        private int index;

        Ramp() {
            super(100);
            defineTiming(null, "go", 100);
            defineSpaces(Box.unbounded(3, Channel.of("index", 0), Channel.of("step", 1), Channel.of("noise", 2)), Box.of(2, -1e9, 1e9));
        }

        @Override
        protected void onReset() {
            index = 0;
        }

        @Override
        protected void onNewTrial(Trial trial) {
            int len = 3 + rng.integer(7);
            addPeriod("go", len * 100.0);
            float[] ob = ob();
            float[] gt = groundTruthVectors();
            for (int t = 0; t < len; t++) {
                ob[t * 3] = index;
                ob[t * 3 + 1] = t;
                ob[t * 3 + 2] = (float) rng.gaussian();
                gt[t * 2] = index;
                gt[t * 2 + 1] = t;
            }
            index++;
        }

        @Override
        protected void onStep(float[] action, StepResult out) {
            out.addReward(action[0]);
        }
    }

    /** A task whose trials have no ground truth. */
    static final class NoTarget extends TrialEnv {
        NoTarget() {
            super(100);
            defineTiming(null, "go", 300);
            defineSpaces(Box.unbounded(1), new Discrete(2));
        }

        @Override
        protected void onNewTrial(Trial trial) {
            addPeriod("go");
            addOb(1, "go", 0);
        }

        @Override
        protected void onStep(int action, StepResult out) {}
    }

    /** A trial wrapper that appends one input channel holding the step index times 10. */
    static final class ExtraChannel extends TrialWrapper {
        private final Box space;
        private float[] matrix = new float[0];

        ExtraChannel(Env env) {
            super(env);
            this.space = ((Box) env.observationSpace()).extend(1, -1e9, 1e9, Channel.of("extra", ((Box) env.observationSpace()).size()));
        }

        @Override
        public Box observationSpace() {
            return space;
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            Trial t = trialEnv.newTrial(kwargs);
            int inner = space.size() - 1;
            int len = trialEnv.trialLength();
            if (matrix.length < len * space.size()) matrix = new float[len * space.size()];
            float[] src = trialEnv.trialObservations();
            for (int s = 0; s < len; s++) {
                System.arraycopy(src, s * inner, matrix, s * space.size(), inner);
                matrix[s * space.size() + inner] = s * 10;
            }
            return t;
        }

        @Override
        public float[] trialObservations() {
            return matrix;
        }
    }

    /** A plain (step-level) wrapper that adds an input: a dataset must refuse it. */
    static final class StepChannel extends Wrapper {
        StepChannel(Env env) {
            super(env);
        }

        @Override
        public Box observationSpace() {
            return ((Box) env.observationSpace()).extend(1, 0, 1);
        }
    }

    /** Truncates the episode every {@code every} steps, to exercise a vector env's auto-reset. */
    static final class Truncate extends Wrapper {
        private final int every;
        private final StepResult out;
        private int steps;

        Truncate(Env env, int every) {
            super(env);
            this.every = every;
            this.out = new StepResult(((Box) env.observationSpace()).size(), 0);
        }

        @Override
        public float[] reset(long seed) {
            steps = 0;
            return env.reset(seed);
        }

        @Override
        public float[] reset() {
            steps = 0;
            return env.reset();
        }

        @Override
        public StepResult step(int action) {
            StepResult r = env.step(action);
            if (++steps % every != 0) return r;
            out.copyFrom(r);
            out.setTruncated(true);
            return out;
        }
    }
}
