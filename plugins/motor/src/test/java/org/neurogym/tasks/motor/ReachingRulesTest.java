package org.neurogym.tasks.motor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.spi.TaskDescriptor;

class ReachingRulesTest {

    private static final double PI = Math.PI;

    private static RingReachTask make(TaskDescriptor task, Map<String, Object> params, double target) {
        RingReachTask env = (RingReachTask) task.create(params);
        env.reset(11);
        env.newTrial(Map.of("ground_truth", target));
        return env;
    }

    @Test
    void groundTruthTurnsTowardsTheTargetThenStays() {
        RingReachTask env = make(Reaching1D.DESCRIPTOR, Map.of(), PI + 0.2);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 0}, java.util.Arrays.copyOf(env.trialGroundTruth(), 10));
        env = make(Reaching1D.DESCRIPTOR, Map.of(), PI - 0.12);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 2, 2, 0, 0, 0}, java.util.Arrays.copyOf(env.trialGroundTruth(), 10));
        // a target beyond reach: turn for the whole reach period, the short way round
        env = make(Reaching1D.DESCRIPTOR, Map.of(), 0.5);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 2, 2, 2, 2, 2}, java.util.Arrays.copyOf(env.trialGroundTruth(), 10));
    }

    @Test
    void trialsHaveOnlyTheReferencePeriods() {
        // the turning steps are set step by step: no auxiliary period appears among the trial's periods
        for (TaskDescriptor task : new TaskDescriptor[] {Reaching1D.DESCRIPTOR, Reaching1DWithSelfDistraction.DESCRIPTOR}) {
            RingReachTask env = make(task, Map.of(), PI + 0.2);
            assertEquals(java.util.List.of("fixation", "reach"), env.periods(), task.id());
            assertEquals(10, env.trialLength(), task.id());
        }
    }

    @Test
    void followingTheGroundTruthEarnsTheRewardOfItsDistanceToTheTrueAngle() {
        RingReachTask env = make(Reaching1D.DESCRIPTOR, Map.of(), PI + 0.2);
        double[] expected = {0, 0, 0, 0, 0, 1 - 0.15, 1 - 0.10, 1 - 0.05, 1, 1};
        double perf = 0;
        StepResult r = null;
        for (int t = 0; t < 10; t++) {
            r = env.step(env.trialGroundTruth()[t]);
            assertEquals(expected[t], r.reward(), 1e-9, "step " + t);
            perf += t >= 5 ? (expected[t] + 0.1) / 1.1 / 5 : 0;
        }
        assertTrue(r.newTrial());
        assertEquals(perf, r.performance(), 1e-9);

        // a target at the start angle is reached at once: performance 1
        env = make(Reaching1D.DESCRIPTOR, Map.of(), PI);
        for (int t = 0; t < 10; t++) r = env.step(env.trialGroundTruth()[t]);
        assertEquals(1.0, r.performance(), 1e-12);
    }

    @Test
    void rewardComparesWithTheRealAngleAndIsFlooredAtFail() {
        // The reference compared with the angle truncated to an integer (3 here); we use the angle itself.
        RingReachTask env = make(Reaching1D.DESCRIPTOR, Map.of(), 3.9);
        for (int t = 0; t < 5; t++) assertEquals(0.0, env.step(0).reward());
        assertEquals(1 - (3.9 - PI), env.step(0).reward(), 1e-9);

        env = make(Reaching1D.DESCRIPTOR, Map.of("rewards", Map.of("fail", -0.3)), 0.0);
        for (int t = 0; t < 5; t++) env.step(0);
        StepResult r = null;
        for (int t = 5; t < 10; t++) {
            r = env.step(0);
            assertEquals(-0.3, r.reward(), 1e-12);
        }
        assertEquals(0.0, r.performance(), 1e-12);
    }

    @Test
    void observationsShowTheTargetDuringReachAndTheActualReachState() {
        Reaching1D env = (Reaching1D) make(Reaching1D.DESCRIPTOR, Map.of(), PI + 0.2);
        int n = env.observationSize();
        float[] ob = env.trialObservations();
        double[] theta = env.theta;
        for (int i = 0; i < 16; i++) {
            assertEquals(0f, ob[i]); // no target during fixation
            assertEquals((float) Math.cos(theta[i] - PI), ob[16 + i]); // self starts at pi
            assertEquals((float) Math.cos(theta[i] - (PI + 0.2)), ob[5 * n + i], 1e-6); // target in reach
            // the matrix shows the ideal reach: at pi + 0.2 after its four turns
            assertEquals((float) Math.cos(theta[i] - (PI + 0.2)), ob[9 * n + 16 + i], 1e-6);
        }
        // the agent turns the other way: the next observation shows where it actually is
        StepResult r = env.step(2);
        for (int i = 0; i < 16; i++) assertEquals((float) Math.cos(theta[i] - (PI - 0.05)), r.observation()[16 + i], 1e-6);
    }

    @Test
    void selfDistractionSumsAWeakTargetAndTheReachState() {
        RingReachTask env = make(Reaching1DWithSelfDistraction.DESCRIPTOR, Map.of(), 2.5);
        float[] ob = env.trialObservations();
        double[] theta = env.theta;
        for (int i = 0; i < 32; i++) {
            assertEquals((float) Math.cos(theta[i] - PI), ob[i], 1e-6);
            double reachRow = 0.3 * Math.cos(theta[i] - 2.5) + Math.cos(theta[i] - (PI - 0.05));
            assertEquals((float) reachRow, ob[6 * 32 + i], 1e-6); // second reach step, after one ideal turn down
        }
        StepResult r = env.step(1);
        for (int i = 0; i < 32; i++) assertEquals((float) Math.cos(theta[i] - (PI + 0.05)), r.observation()[i], 1e-6);
        // same reward rule as Reaching1D
        for (int t = 1; t < 5; t++) env.step(0);
        r = env.step(2); // from pi + 0.05 back to pi; target at 2.5
        assertEquals(1 - (PI - 2.5), r.reward(), 1e-9);
    }

    @Test
    void eachStepReportsTheBestActionFromTheAgentsActualState() {
        RingReachTask env = (RingReachTask) Reaching1D.DESCRIPTOR.create(Map.of());
        env.reset(5);
        Rng rng = new Rng(9);
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            boolean reaching = env.stepIndex() >= env.periodStart("reach");
            int expected = reaching ? RingReachTask.bestAction(env.state, env.target) : 0;
            StepResult r = env.step(rng.integer(3));
            assertTrue(r.hasGroundTruth());
            assertEquals(expected, r.groundTruth());
            if (reaching && expected != 0) checked++;
        }
        assertTrue(checked > 100, "too few turning steps checked: " + checked);
    }

    @Test
    void theOracleEarnsMoreThanOtherPolicies() {
        for (TaskDescriptor task : new TaskDescriptor[] {Reaching1D.DESCRIPTOR, Reaching1DWithSelfDistraction.DESCRIPTOR}) {
            RingReachTask probe = (RingReachTask) task.create(Map.of());
            double oracle = meanPerformance(task, Agents.oracle(probe), probe);
            for (int k = 0; k < 3; k++) {
                RingReachTask env = (RingReachTask) task.create(Map.of());
                double fixed = meanPerformance(task, Agents.fixed(k), env);
                assertTrue(oracle > fixed + 0.01, task.id() + ": oracle " + oracle + " vs always " + k + ": " + fixed);
            }
            RingReachTask env = (RingReachTask) task.create(Map.of());
            Rng rng = new Rng(1);
            double random = meanPerformance(task, ob -> rng.integer(3), env);
            assertTrue(oracle > random + 0.01, task.id() + ": oracle " + oracle + " vs random " + random);
        }
    }

    private static double meanPerformance(TaskDescriptor task, Agent agent, RingReachTask env) {
        float[] ob = env.reset(21);
        double sum = 0;
        int trials = 0;
        while (trials < 400) {
            StepResult r = env.step(agent.act(ob));
            if (r.newTrial()) {
                sum += r.performance();
                trials++;
            }
            ob = r.observation();
        }
        return sum / trials;
    }

    @Test
    void equalCorrectAndFailRewardsAreRejected() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Reaching1D.DESCRIPTOR.create(Map.of("rewards", Map.of("correct", -0.1))));
        assertEquals("rewards.correct", e.key());
        assertThrows(ParameterException.class, () -> Reaching1D.DESCRIPTOR.create(Map.of("dim_ring", 0)));
    }

    @Test
    void fixationStepsAreNeverRewarded() {
        RingReachTask env = make(Reaching1DWithSelfDistraction.DESCRIPTOR, Map.of(), PI);
        for (int t = 0; t < 5; t++) {
            StepResult r = env.step(t % 3);
            assertEquals(0.0, r.reward());
            assertFalse(r.newTrial());
        }
    }
}
