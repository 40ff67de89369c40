package org.neurogym.api.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurogym.api.TrialBased;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.Wrapper;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;

/** The random, oracle and fixed agents. */
class AgentsTest {

    /** Fixate 2 steps, then choose the cued side (1 or 2) in a 1-step decision; breaking fixation aborts. */
    static final class CuedChoice extends TrialEnv {
        CuedChoice() {
            super(100);
            defineTiming(null, "fixation", 200, "decision", 100);
            defineSpaces(Box.unbounded(3, Channel.of("fixation", 0), Channel.range("cue", 1, 3)),
                    new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)));
        }

        @Override
        protected void onNewTrial(Trial trial) {
            int side = trial.setDefault("ground_truth", rng.integer(2));
            addPeriods("fixation", "decision");
            addOb(1, "fixation", "fixation");
            addOb(1, null, channelOf("cue")[side]);
            setGroundTruth(0, "fixation", "fixation");
            setGroundTruth(side, "decision", "choice");
        }

        @Override
        protected void onStep(int action, StepResult out) {
            if (inPeriod("decision")) {
                out.setNewTrial(true);
                if (action == gtNow()) {
                    out.setReward(1);
                    performance = 1;
                }
            } else if (action != 0) {
                out.setNewTrial(true);
                out.setReward(-0.1);
            }
        }
    }

    /** Reach a target vector in a single 2-step period. */
    static final class Reach extends TrialEnv {
        Reach() {
            super(100);
            defineTiming(null, "reach", 200);
            defineSpaces(Box.unbounded(2), Box.of(2, -1, 1));
        }

        @Override
        protected void onNewTrial(Trial trial) {
            double x = trial.setDefault("x", rng.uniform(-1, 1));
            addPeriod("reach");
            addOb(new double[] {x, -x}, "reach");
            setGroundTruth(new double[] {x, -x}, "reach");
        }

        @Override
        protected void onStep(float[] action, StepResult out) {
            float[] gt = trialGroundTruthVector();
            int t = stepIndex();
            double err = Math.abs(action[0] - gt[2 * t]) + Math.abs(action[1] - gt[2 * t + 1]);
            if (err < 1e-6) performance = 1;
        }
    }

    static final class Plain extends Wrapper {
        Plain(Env env) {
            super(env);
        }
    }

    private static List<Double> performances(Env env, Agent agent, long seed, int steps) {
        List<Double> perf = new ArrayList<>();
        float[] ob = env.reset(seed);
        for (int i = 0; i < steps; i++) {
            StepResult r = env.step(agent.act(ob));
            if (r.newTrial()) perf.add(r.performance());
            ob = r.observation();
        }
        return perf;
    }

    @Test
    void theOracleSolvesTheTask() {
        CuedChoice env = new CuedChoice();
        List<Double> perf = performances(env, Agents.oracle(env), 1, 300);
        assertEquals(100, perf.size(), "every trial runs its full three steps");
        for (double p : perf) assertEquals(1.0, p);
    }

    @Test
    void theOracleWorksThroughWrappers() {
        CuedChoice task = new CuedChoice();
        Env env = new Plain(task);
        List<Double> perf = performances(env, Agents.oracle(env), 2, 90);
        assertEquals(30, perf.size());
        assertTrue(perf.stream().allMatch(p -> p == 1.0));
        assertSame(task, TrialBased.nearest(env));
    }

    @Test
    void aRandomAgentDoesNotSolveTheTask() {
        CuedChoice env = new CuedChoice();
        List<Double> perf = performances(env, Agents.random(env.actionSpace(), 4), 1, 300);
        assertTrue(perf.stream().anyMatch(p -> p == 0.0));
    }

    @Test
    void aFixedAgentAlwaysActsTheSame() {
        Agent a = Agents.fixed(2);
        assertEquals(2, a.act(new float[] {1, 2, 3}));
        assertEquals(2, a.act(null));
        assertThrows(UnsupportedOperationException.class, () -> a.actContinuous(new float[1]));
        // fixating forever never ends a trial before the decision, and never earns reward
        CuedChoice env = new CuedChoice();
        List<Double> perf = performances(env, Agents.fixed(0), 0, 30);
        assertEquals(10, perf.size());
        assertTrue(perf.stream().allMatch(p -> p == 0.0));
    }

    @Test
    void theRandomAgentRespectsADiscreteSpace() {
        Discrete space = new Discrete(3);
        Agent a = Agents.random(space, 7);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            int action = a.act(null);
            assertTrue(space.contains(action), "" + action);
            counts[action]++;
        }
        for (int c : counts) assertTrue(c > 800, java.util.Arrays.toString(counts));
        Agent same = Agents.random(space, 7);
        Agent again = Agents.random(space, 7);
        for (int i = 0; i < 50; i++) assertEquals(same.act(null), again.act(null));
        assertThrows(UnsupportedOperationException.class, () -> Agents.random(space, 1).actContinuous(new float[1]));
    }

    @Test
    void theRandomAgentRespectsABoxSpace() {
        Box space = new Box(new int[] {2}, new float[] {-1, 5}, new float[] {1, 6});
        Agent a = Agents.random(space, 7);
        for (int i = 0; i < 2000; i++) {
            float[] x = a.actContinuous(null);
            assertTrue(space.contains(x), java.util.Arrays.toString(x));
        }
        assertThrows(UnsupportedOperationException.class, () -> a.act(null));
    }

    @Test
    void theOracleOfABoxTaskActsTheGroundTruthVector() {
        Reach env = new Reach();
        Agent oracle = Agents.oracle(env);
        assertThrows(UnsupportedOperationException.class, () -> oracle.act(null));
        env.reset(3);
        double x = env.trial().getDouble("x");
        float[] action = oracle.actContinuous(null);
        assertArrayEquals(new float[] {(float) x, (float) -x}, action);
        int trials = 0;
        for (int i = 0; i < 20; i++) {
            StepResult r = env.step(oracle.actContinuous(null));
            if (r.newTrial()) {
                trials++;
                assertEquals(1.0, r.performance());
            }
        }
        assertEquals(10, trials);
    }

    @Test
    void theOracleFixatesWhenThereIsNoGroundTruth() {
        TrialEnv env = new TrialEnv(100) {
            {
                defineTiming(null, "go", 100);
                defineSpaces(Box.unbounded(1), new Discrete(2));
            }

            @Override
            protected void onNewTrial(Trial trial) {
                addPeriod("go");
            }

            @Override
            protected void onStep(int action, StepResult out) {}
        };
        env.reset(0);
        assertNull(env.trialGroundTruth());
        assertEquals(0, Agents.oracle(env).act(null));
    }

    @Test
    void theOracleNeedsATrialBasedTask() {
        Env bare = new Env() {
            @Override public Space observationSpace() { return Box.unbounded(1); }
            @Override public Space actionSpace() { return new Discrete(2); }
            @Override public double dt() { return 100; }
            @Override public float[] reset(long seed) { return new float[1]; }
            @Override public float[] reset() { return new float[1]; }
            @Override public StepResult step(int action) { return null; }
            @Override public StepResult step(float[] action) { return null; }
        };
        assertThrows(NeuroGymException.class, () -> Agents.oracle(bare));
        assertThrows(NeuroGymException.class, () -> Agents.oracle(new Plain(bare)));
        assertNull(TrialBased.nearest(new Plain(bare)));
    }
}
