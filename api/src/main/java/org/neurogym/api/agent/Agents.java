package org.neurogym.api.agent;

import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Rng;
import org.neurogym.api.TrialBased;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;

/** The standard agents: random, oracle (acts the ground truth) and fixed. */
public final class Agents {
    private Agents() {}

    /** Samples uniformly from the action space with its own seeded stream. */
    public static Agent random(Space actionSpace, long seed) {
        Rng rng = new Rng(seed);
        if (actionSpace instanceof Discrete d) {
            return observation -> d.sample(rng);
        }
        Box box = (Box) actionSpace;
        float[] buffer = new float[box.size()];
        return new Agent() {
            @Override
            public int act(float[] observation) {
                throw new UnsupportedOperationException("random agent of a Box action space takes continuous actions");
            }

            @Override
            public float[] actContinuous(float[] observation) {
                return box.sample(rng, buffer);
            }
        };
    }

    /**
     * Acts the ground truth of the current step (the action that earns reward when the task is
     * solved). On a step without ground truth it fixates (action 0, or zeros).
     */
    public static Agent oracle(Env env) {
        TrialBased trials = TrialBased.nearest(env);
        if (trials == null) throw new NeuroGymException("the oracle agent needs a trial-based task; " + env.name() + " is not one");
        if (env.actionSpace() instanceof Discrete) {
            return observation -> {
                int[] gt = trials.trialGroundTruth();
                return gt == null ? 0 : gt[trials.stepIndex()];
            };
        }
        int n = ((Box) env.actionSpace()).size();
        float[] buffer = new float[n];
        return new Agent() {
            @Override
            public int act(float[] observation) {
                throw new UnsupportedOperationException("the oracle of a Box action space takes continuous actions");
            }

            @Override
            public float[] actContinuous(float[] observation) {
                float[] gt = trials.trialGroundTruthVector();
                if (gt == null) java.util.Arrays.fill(buffer, 0f);
                else System.arraycopy(gt, trials.stepIndex() * n, buffer, 0, n);
                return buffer;
            }
        };
    }

    /** Always takes action {@code k}. */
    public static Agent fixed(int k) {
        return observation -> k;
    }

}
