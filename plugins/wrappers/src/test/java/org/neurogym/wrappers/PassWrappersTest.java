package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;

class PassWrappersTest {

    @Test
    void passActionsLastChannelIsTheAction() {
        Env env = PassAction.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of());
        Box space = (Box) env.observationSpace();
        assertEquals(4, space.size());
        assertArrayEquals(new int[] {3}, space.channel("action"));
        float[] first = env.reset(1);
        assertEquals(4, first.length);
        assertEquals(0f, first[3]);
        Rng rng = new Rng(2);
        for (int i = 0; i < 1000; i++) {
            int a = ((Discrete) env.actionSpace()).sample(rng);
            StepResult r = env.step(a);
            assertEquals(4, r.observation().length);
            assertEquals((float) a, r.observation()[3], "previous action is not part of the observation");
        }
    }

    @Test
    void passRewardsLastChannelIsTheReward() {
        Env env = PassReward.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of());
        assertArrayEquals(new int[] {3}, env.observationSpace().channel("reward"));
        assertEquals(0f, env.reset(1)[3]);
        Rng rng = new Rng(3);
        int rewarded = 0;
        for (int i = 0; i < 1000; i++) {
            StepResult r = env.step(((Discrete) env.actionSpace()).sample(rng));
            assertEquals((float) r.reward(), r.observation()[3], "previous reward is not part of the observation");
            if (r.reward() != 0) rewarded++;
        }
        assertTrue(rewarded > 0, "random play earns some non-zero rewards");
    }

    @Test
    void theInnerObservationIsUnchanged() {
        TrialEnv plain = Fixtures.pdm();
        Env wrapped = new PassReward(new PassAction(Fixtures.pdm()));
        assertEquals(5, ((Box) wrapped.observationSpace()).size());
        float[] a = plain.reset(7).clone();
        float[] b = wrapped.reset(7);
        assertArrayEquals(a, Arrays.copyOf(b, 3));
        for (int i = 0; i < 200; i++) {
            int action = i % 3;
            float[] x = plain.step(action).observation();
            StepResult r = wrapped.step(action);
            assertArrayEquals(x, Arrays.copyOf(r.observation(), 3));
            assertEquals((float) action, r.observation()[3]);
            assertEquals((float) r.reward(), r.observation()[4]);
        }
    }

    @Test
    void passActionsTrialMatrixHasTheExtraChannelWithTeacherForcing() {
        TrialEnv task = Fixtures.pdm();
        PassAction env = new PassAction(task);
        env.reset(5);
        int width = ((Box) env.observationSpace()).size();
        for (int trial = 0; trial < 20; trial++) {
            float[] m = env.trialObservations();
            float[] inner = task.trialObservations();
            int[] gt = env.trialGroundTruth();
            int len = env.trialLength();
            assertTrue(m.length >= len * width, "matrix holds trialLength rows of the declared size");
            for (int t = 0; t < len; t++) {
                for (int c = 0; c < 3; c++) assertEquals(inner[t * 3 + c], m[t * width + c]);
                if (t > 0) assertEquals((float) gt[t - 1], m[t * width + 3], "row " + t + " holds the previous ground truth");
            }
            if (trial == 0) assertEquals(0f, m[3], "no previous action at the start of an episode");
            int lastGt = gt[len - 1];
            env.newTrial(Map.of());
            assertEquals((float) lastGt, env.trialObservations()[3], "row 0 carries the previous trial's last ground truth");
        }
    }

    @Test
    void anOracleSeesExactlyTheTrialMatrixOfPassAction() {
        PassAction env = new PassAction(Fixtures.pdm());
        Agent oracle = Agents.oracle(env);
        float[] ob = env.reset(11).clone();
        int width = 4;
        int trials = 0;
        for (int i = 0; i < 2000; i++) {
            int t = env.stepIndex();
            assertArrayEquals(Arrays.copyOfRange(env.trialObservations(), t * width, (t + 1) * width), ob,
                    "stepping and the trial matrix agree at step " + t);
            StepResult r = env.step(oracle.act(ob));
            ob = r.observation().clone();
            if (r.newTrial()) trials++;
        }
        assertTrue(trials > 50);
    }

    @Test
    void passRewardsTrialMatrixHasAZeroRewardChannel() {
        TrialEnv task = Fixtures.pdm();
        PassReward env = new PassReward(task);
        env.reset(3);
        for (int k = 0; k < 10; k++) {
            float[] m = env.trialObservations();
            int len = env.trialLength();
            assertEquals(task.trialLength(), len);
            for (int t = 0; t < len; t++) {
                assertEquals(0f, m[t * 4 + 3]);
                for (int c = 0; c < 3; c++) assertEquals(task.trialObservations()[t * 3 + c], m[t * 4 + c]);
            }
            env.newTrial(Map.of());
        }
    }
}
