package org.neurogym.tasks.collections.yang19;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.wrappers.Noise;
import org.neurogym.wrappers.ScheduleEnvs;

class ScheduledSetTest {

    private static final int TASKS = 20;

    /** The one task whose rule input is on, checking that exactly one is on and the others are off. */
    private static int hotRule(float[] ob, int from) {
        int hot = -1;
        for (int k = 0; k < TASKS; k++) {
            float v = ob[from + k];
            if (v == 1f) {
                assertEquals(-1, hot, "two rule inputs on");
                hot = k;
            } else {
                assertEquals(0f, v, "rule input " + k + " is neither 0 nor 1");
            }
        }
        assertTrue(hot >= 0, "no rule input on");
        return hot;
    }

    @Test
    void theWholeSetStepsWithOneHotRuleInputsOfTheCurrentTask() {
        try (Env env = AllTasks.DESCRIPTOR.create(Map.of())) {
            ScheduleEnvs set = (ScheduleEnvs) env;
            Box ob = (Box) env.observationSpace();
            assertEquals(33 + TASKS, ob.size());
            assertEquals(17, ((Discrete) env.actionSpace()).n());
            int[] rules = ob.channel("env");
            assertEquals(TASKS, rules.length);
            assertEquals(33, rules[0]);
            assertEquals(TASKS, set.envCount());
            for (int k = 0; k < TASKS; k++) {
                Env task = set.env(k);
                assertEquals(33, ((Box) task.observationSpace()).size(), Yang19.ids().get(k));
            }

            Agent oracle = Agents.oracle(env);
            float[] obs = env.reset(3);
            int[] trials = new int[TASKS];
            int[] correct = new int[TASKS];
            int previous = -1;
            int total = 0;
            for (int step = 0; step < 60_000; step++) {
                int rule = hotRule(obs, 33);
                assertEquals(set.currentEnv(), rule, "the rule input names the scheduled task");
                TrialEnv task = (TrialEnv) set.env(rule).unwrapped();
                assertSame(task.trial(), set.trial(), "the current trial comes from the task the rule names");
                // the trial matrix carries the same rule input on every row
                float[] m = set.trialObservations();
                for (int t = 0; t < set.trialLength(); t++) assertEquals(rule, hotRule(m, t * ob.size() + 33));

                StepResult r = env.step(oracle.act(obs));
                if (r.newTrial()) {
                    trials[rule]++;
                    total++;
                    if (r.performance() >= 1) correct[rule]++;
                    previous = rule;
                    if (total > 1) assertTrue(set.currentEnv() != previous, "the random schedule never repeats a task");
                }
                obs = r.observation();
            }
            for (int k = 0; k < TASKS; k++) {
                assertTrue(trials[k] >= 50, Yang19.ids().get(k) + " ran only " + trials[k] + " trials");
                assertTrue(correct[k] >= 0.99 * trials[k], Yang19.ids().get(k) + ": oracle won " + correct[k] + " of " + trials[k]);
            }
        }
    }

    @Test
    void theTasksAreTheTwentyInTheirOrder() {
        try (Env env = AllTasks.DESCRIPTOR.create(Map.of("schedule", "Sequential"))) {
            ScheduleEnvs set = (ScheduleEnvs) env;
            float[] obs = env.reset(0);
            Agent oracle = Agents.oracle(env);
            for (int trial = 0; trial < 2 * TASKS; trial++) {
                int rule = hotRule(obs, 33);
                assertEquals(trial % TASKS, rule);
                Class<?> expected = trial % TASKS < 6 ? Reach.class : trial % TASKS < 16 ? DecisionMaking.class : DelayMatch.class;
                assertEquals(expected, set.env(rule).unwrapped().getClass());
                StepResult r;
                do {
                    r = env.step(oracle.act(obs));
                    obs = r.observation();
                } while (!r.newTrial());
            }
        }
    }

    @Test
    void sharedParametersReachEveryTask() {
        try (Env env = AllTasks.DESCRIPTOR.create(Map.of("dim_ring", 8, "dt", 50, "env_input", false))) {
            assertEquals(17, ((Box) env.observationSpace()).size());
            assertEquals(9, ((Discrete) env.actionSpace()).n());
            ScheduleEnvs set = (ScheduleEnvs) env;
            for (int k = 0; k < TASKS; k++) assertEquals(50.0, set.env(k).dt());
        }
    }

    @Test
    void badParametersNameTheKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> AllTasks.DESCRIPTOR.create(Map.of("schedule", "Shuffled")));
        assertTrue(e.getMessage().contains("schedule"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> AllTasks.DESCRIPTOR.create(Map.of("dim_ring", 7)));
        assertTrue(e.getMessage().contains("dim_ring"), e.getMessage());
        e = assertThrows(ParameterException.class,
                () -> AllTasks.DESCRIPTOR.create(Map.of("schedule", "RandomBlock", "block_lens", new int[] {5, 5})));
        assertTrue(e.getMessage().contains("block_lens"), e.getMessage());
    }
    @Test
    void noiseOverTheWholeSetReachesEveryTasksTrials() {
        ScheduleEnvs set = (ScheduleEnvs) AllTasks.DESCRIPTOR.create(Map.of("schedule", "Sequential"));
        try (Noise env = new Noise(set, 0.05)) {
            int width = ((Box) env.observationSpace()).size();
            Agent oracle = Agents.oracle(env);
            float[] obs = env.reset(11).clone();
            int[] trials = new int[TASKS];
            trials[set.currentEnv()]++;
            for (int step = 0; step < 30_000; step++) {
                int t = env.stepIndex();
                assertArrayEquals(Arrays.copyOfRange(env.trialObservations(), t * width, (t + 1) * width), obs,
                        "step " + step + " of " + Yang19.ids().get(set.currentEnv()) + " shows its noisy trial matrix");
                float rule = obs[33 + set.currentEnv()];
                assertTrue(rule != 1f && Math.abs(rule - 1f) < 0.5f, "the rule input is noisy: " + rule);
                StepResult r = env.step(oracle.act(obs));
                if (r.newTrial()) trials[set.currentEnv()]++;
                obs = r.observation().clone();
            }
            for (int k = 0; k < TASKS; k++) assertTrue(trials[k] >= 10, Yang19.ids().get(k) + " ran only " + trials[k] + " trials");
        }
    }
}
