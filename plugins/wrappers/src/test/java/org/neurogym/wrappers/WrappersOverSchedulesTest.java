package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.space.Box;
import org.neurogym.api.spi.EnvMaker;

/** Trial wrappers placed over env schedules reach the trials of every scheduled env. */
class WrappersOverSchedulesTest {
    /** Makes tasks by id, each wrapped to show a constant observation: the k-th made shows k + 2. */
    private static EnvMaker constantMaker() {
        int[] made = {0};
        return (id, params) -> new Fixtures.ConstantObservation(Fixtures.MAKER.make(id, params), ++made[0] + 1);
    }

    /** PerceptualDecisionMaking, DelayMatchSample and PerceptualDecisionMaking again, showing 1, 2 and 3. */
    private static ScheduleEnvs constants(String schedule, boolean envInput) {
        return (ScheduleEnvs) ScheduleEnvs.DESCRIPTOR.wrap(new Fixtures.ConstantObservation(Fixtures.pdm(), 1),
                Map.of("envs", List.of("DelayMatchSample-v0", Map.of("name", "PerceptualDecisionMaking-v0", "cohs", List.of(51.2))),
                        "schedule", schedule, "env_input", envInput),
                constantMaker());
    }

    /** Two PerceptualDecisionMaking tasks with the same choices and different coherences and timing. */
    private static ScheduleEnvs twoPdms(String schedule, Map<String, Object> params) {
        Map<String, Object> second = new java.util.HashMap<>(params);
        second.put("name", "PerceptualDecisionMaking-v0");
        second.put("cohs", List.of(51.2));
        return (ScheduleEnvs) ScheduleEnvs.DESCRIPTOR.wrap(Fixtures.pdm(params),
                Map.of("envs", List.of(second), "schedule", schedule), Fixtures.MAKER);
    }

    /** Counts the trials it makes. */
    static final class Counting extends TrialWrapper {
        int made;

        Counting(Env env) {
            super(env);
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            made++;
            return trialEnv.newTrial(kwargs);
        }
    }

    @Test
    void noiseReachesTheTrialsOfEveryScheduledEnvAndSteppingShowsTheNoisyMatrix() {
        for (boolean envInput : new boolean[] {false, true}) {
            ScheduleEnvs sched = constants("Random", envInput);
            Noise env = new Noise(sched, 0.5);
            int width = ((Box) env.observationSpace()).size();
            float[] ob = env.reset(7).clone();
            int[] trials = new int[3];
            double[] sum = new double[3];
            double[] sumSq = new double[3];
            int[] count = new int[3];
            trials[sched.currentEnv()]++;
            for (int i = 0; i < 4000; i++) {
                int cur = sched.currentEnv();
                int t = env.stepIndex();
                float[] row = Arrays.copyOfRange(env.trialObservations(), t * width, (t + 1) * width);
                assertArrayEquals(row, ob, "step " + i + ": stepping shows the trial matrix (env " + cur + ")");
                for (int c = 0; c < 3; c++) {
                    double d = ob[c] - (cur + 1);
                    sum[cur] += d;
                    sumSq[cur] += d * d;
                    count[cur]++;
                }
                StepResult r = env.step(i % 3);
                ob = r.observation().clone();
                if (r.newTrial()) {
                    trials[sched.currentEnv()]++;
                    assertSame(r.trial(), env.trial(), "the step reports the new trial");
                }
            }
            for (int k = 0; k < 3; k++) {
                assertTrue(trials[k] > 20, "env " + k + " ran " + trials[k] + " trials");
                double mean = sum[k] / count[k];
                double sd = Math.sqrt(sumSq[k] / count[k] - mean * mean);
                assertTrue(Math.abs(mean) < 0.1 && sd > 0.4 && sd < 0.6, "env " + k + ": noise mean " + mean + ", sd " + sd);
            }
        }
    }

    @Test
    void noiseOverAScheduleIsReproducibleAndTheOutermostWrapperMakesEachTrialOnce() {
        Noise a = new Noise(constants("Random", true), 0.2);
        Noise b = new Noise(constants("Random", true), 0.2);
        assertArrayEquals(a.reset(3), b.reset(3));
        for (int i = 0; i < 1000; i++) assertArrayEquals(a.step(i % 3).observation(), b.step(i % 3).observation(), "step " + i);

        Counting env = new Counting(constants("Sequential", false));
        env.reset(0);
        assertEquals(1, env.made, "the placeholder trials of the other envs at reset do not pass through it");
        int ended = 0;
        for (int i = 0; i < 1000; i++) if (env.step(0).newTrial()) ended++;
        assertEquals(1 + ended, env.made);
    }

    @Test
    void sideBiasAndRandomGroundTruthImposeTheChoiceInEveryScheduledTask() {
        ScheduleEnvs sched = twoPdms("Sequential", Map.of());
        SideBias bias = new SideBias(sched, new double[][] {{0, 1}}, 5);
        checkEveryTrialAsksFor(bias, sched, 1);

        ScheduleEnvs other = twoPdms("Random", Map.of());
        RandomGroundTruth random = new RandomGroundTruth(other, new double[] {1, 0});
        checkEveryTrialAsksFor(random, other, 0);
    }

    private static void checkEveryTrialAsksFor(Env env, ScheduleEnvs sched, int choice) {
        TrialBased trials = (TrialBased) env;
        env.reset(5);
        int[] perEnv = new int[2];
        perEnv[sched.currentEnv()]++;
        assertEquals(choice, trials.trial().getInt("ground_truth"));
        for (int i = 0; i < 3000; i++) {
            StepResult r = env.step(0);
            if (r.newTrial()) {
                int k = sched.currentEnv();
                perEnv[k]++;
                assertEquals(choice, r.trial().getInt("ground_truth"), env + ": a trial of env " + k);
                assertSame(r.trial(), ((TrialEnv) sched.env(k)).trial());
                int[] gt = trials.trialGroundTruth();
                assertEquals(choice + 1, gt[trials.task().periodStart("decision")], "the ground truth follows");
            }
        }
        assertTrue(perEnv[0] > 20 && perEnv[1] > 20, Arrays.toString(perEnv));
    }

    @Test
    void choiceWrappersRefuseScheduledTasksThatNumberTheirChoicesDifferently() {
        NeuroGymException e = assertThrows(NeuroGymException.class,
                () -> new SideBias(constants("Random", false), new double[][] {{0.5, 0.5}}, 10));
        assertTrue(e.getMessage().contains("SideBias") && e.getMessage().contains("DelayMatchSample"), e.getMessage());
    }

    @Test
    void reactionTimeReshapesTheTrialsOfEveryScheduledTask() {
        Map<String, Object> timing = Map.of("timing", Map.of("fixation", 300, "stimulus", 2000, "delay", 500, "decision", 200));
        Map<String, Object> otherTiming = Map.of("timing", Map.of("fixation", 500, "stimulus", 1000, "delay", 0, "decision", 300));
        ScheduleEnvs sched = (ScheduleEnvs) ScheduleEnvs.DESCRIPTOR.wrap(Fixtures.pdm(timing),
                Map.of("envs", List.of(Map.of("name", "PerceptualDecisionMaking-v0", "timing", otherTiming.get("timing"))),
                        "schedule", "Sequential"),
                Fixtures.MAKER);
        ReactionTime env = new ReactionTime(sched, 0, true);
        env.reset(2);
        int[] perEnv = new int[2];
        int steps = 0;
        int answerAt = -1;
        for (int i = 0; i < 5000; i++) {
            TrialEnv task = env.task();
            assertSame(sched.env(sched.currentEnv()).unwrapped(), task, "task() is the current env's");
            int stim = task.periodStart("stimulus");
            if (env.stepIndex() == 0) {
                assertEquals(stim + 1, task.periodStart("decision"), "the decision starts one step into the stimulus");
                assertEquals(task.periodEnd("stimulus"), env.trialLength(), "the trial ends with the stimulus");
                int answer = env.trialGroundTruth()[stim + 1];
                assertTrue(answer == 1 || answer == 2, "ground truth copied into the stimulus");
                // answer at the third stimulus step in even trials, never in odd ones
                answerAt = (perEnv[0] + perEnv[1]) % 2 == 0 ? stim + 2 : -1;
                steps = 0;
            }
            int action = env.stepIndex() == answerAt ? env.trialGroundTruth()[env.stepIndex()] : 0;
            StepResult r = env.step(action);
            steps++;
            if (r.newTrial()) {
                double rt = (Double) r.info().get(ReactionTime.REACTION_TIME);
                if (answerAt >= 0) {
                    assertEquals(300.0, rt, "answered in the third stimulus step");
                    assertEquals(1.0, r.performance());
                } else {
                    assertTrue(Double.isNaN(rt));
                    assertEquals(task.periodEnd("stimulus"), steps);
                }
                perEnv[sched.currentEnv() == 0 ? 1 : 0]++;
            }
        }
        assertTrue(perEnv[0] > 20 && perEnv[1] > 20, Arrays.toString(perEnv));
    }

    @Test
    void reactionTimeRefusesASchedulWithATaskWithoutStimulusOrDecision() {
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> new ReactionTime(constants("Random", false), 0, true));
        assertTrue(e.getMessage().contains("DelayMatchSample"), e.getMessage());
    }

    @Test
    void nestedSchedulesUnderNoiseShowEveryTasksNoisyTrials() {
        ScheduleEnvs inner = constants("Sequential", false);
        ScheduleEnvs outer = (ScheduleEnvs) ScheduleEnvs.DESCRIPTOR.wrap(inner,
                Map.of("envs", List.of("PerceptualDecisionMaking-v0"), "schedule", "Random", "env_input", true),
                (id, params) -> new Fixtures.ConstantObservation(Fixtures.MAKER.make(id, params), 9));
        Noise env = new Noise(outer, 0.1);
        int width = ((Box) env.observationSpace()).size();
        float[] ob = env.reset(1).clone();
        boolean[] seen = new boolean[10];
        for (int i = 0; i < 3000; i++) {
            int t = env.stepIndex();
            assertArrayEquals(Arrays.copyOfRange(env.trialObservations(), t * width, (t + 1) * width), ob, "step " + i);
            int shown = Math.round(ob[0]);
            assertTrue(Math.abs(ob[0] - shown) > 0, "noisy");
            seen[shown] = true;
            ob = env.step(i % 3).observation().clone();
        }
        assertTrue(seen[1] && seen[2] && seen[3] && seen[9], "every task's trials were stepped");
    }
}
