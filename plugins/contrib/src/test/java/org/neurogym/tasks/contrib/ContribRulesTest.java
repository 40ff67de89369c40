package org.neurogym.tasks.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.spi.TaskDescriptor;

class ContribRulesTest {

    static TrialEnv start(TaskDescriptor d, Map<String, ?> params, long seed, Map<String, ?> facts) {
        TrialEnv env = (TrialEnv) d.create(params).unwrapped();
        env.reset(seed);
        if (!facts.isEmpty()) env.newTrial(facts);
        return env;
    }

    static float ob(TrialEnv env, int t, int c) {
        return env.trialObservations()[t * env.observationSize() + c];
    }

    @Test
    void changingEnvironmentMapsSideAndContextToTheAction() {
        TrialEnv env = start(ChangingEnvironment.DESCRIPTOR, Map.of("cxt_cue", true, "sigma", 0.0), 1,
                Map.of("side", 2, "context", 1, "coh", 51.2));
        int s = env.periodStart("stimulus");
        assertEquals(1f, ob(env, 0, 1), "fixation input");
        assertEquals(1f, ob(env, s, 0), "context cue");
        assertEquals((1 - 0.512) / 2, ob(env, s, 2), 1e-6);
        assertEquals((1 + 0.512) / 2, ob(env, s, 3), 1e-6, "the chosen side's stimulus is the stronger");
        assertEquals(4, env.trialGroundTruth()[env.periodStart("decision")]);
        while (env.stepIndex() < env.periodStart("decision")) env.step(0);
        StepResult r = env.step(2);
        assertTrue(r.newTrial());
        assertEquals(0.0, r.performance(), "the side is right but the context's mapping is not");
    }

    @Test
    void changingEnvironmentContextPersistsAndSwitches() {
        TrialEnv env = start(ChangingEnvironment.DESCRIPTOR, Map.of("cxt_ch_prob", 0.1), 2, Map.of());
        int switches = 0;
        int prev = env.trial().getInt("context");
        for (int i = 0; i < 2000; i++) {
            int c = env.newTrial(Map.of()).getInt("context");
            if (c != prev) switches++;
            prev = c;
        }
        assertTrue(switches > 120 && switches < 280, "about 10% of trials switch: " + switches);
    }

    @Test
    void matchingPennyMeanActionOpponentAvoidsTheAgentsHabit() {
        TrialEnv env = start(MatchingPenny.DESCRIPTOR, Map.of(), 0, Map.of());
        // the agent always picks 1: the running mean rises past 0.5 and the opponent turns to 0
        int lastOpponent = -1;
        for (int i = 0; i < 10; i++) {
            StepResult r = env.step(1);
            assertTrue(r.newTrial());
            lastOpponent = env.trial().getInt("opponent_action");
        }
        assertEquals(0, lastOpponent);
        assertEquals(1f, ob(env, 0, 0) + ob(env, 0, 1), "one-hot previous choice");
        StepResult r = env.step(0);
        assertEquals(1.0, r.reward(), "matching the opponent wins");
    }

    @Test
    void iblRewardsTheStrongerSide() {
        TrialEnv env = start(IBL.DESCRIPTOR, Map.of(), 3, Map.of("ground_truth", 1, "coh", 51.2));
        assertEquals(1, env.trialGroundTruth()[0]);
        assertEquals(0.512, ob(env, 0, 1) - ob(env, 0, 0), 0.6, "the right input is 0.512 larger, up to noise of sd 0.1 each");
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward());
        env.newTrial(Map.of("ground_truth", 1));
        r = env.step(0);
        assertEquals(0.0, r.reward(), "a wrong side earns the fail reward (the reference always rewarded)");
    }

    @Test
    void iblBlocksLastTwoHundredTrials() {
        TrialEnv env = start(IBL.BLOCK, Map.of(), 4, Map.of());
        int block = env.trial().getInt("block");
        for (int i = 1; i < IBL.BLOCK_SIZE; i++) assertEquals(block, env.newTrial(Map.of()).getInt("block"));
        int changes = 0;
        int prev = block;
        for (int b = 0; b < 30; b++) {
            int next = env.newTrial(Map.of()).getInt("block");
            for (int i = 1; i < IBL.BLOCK_SIZE; i++) assertEquals(next, env.newTrial(Map.of()).getInt("block"));
            if (next != prev) changes++;
            prev = next;
        }
        assertTrue(changes > 5);
    }

    @Test
    void leverPressRewardsACompleteSequenceAfterTheCue() {
        TrialEnv env = start(LeverPress.DESCRIPTOR, Map.of(), 5, Map.of("wait_steps", 2));
        assertEquals(0f, ob(env, 1, 0));
        assertEquals(1f, ob(env, 2, 0), "the cue on the first step of the sequence");
        assertEquals(0f, ob(env, 3, 0));
        assertEquals(-1.0, env.step(1).reward(), "pressing early costs 1");
        assertFalse(env.step(0).newTrial());
        for (int i = 0; i < 3; i++) assertFalse(env.step(1).newTrial());
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(10.0, r.reward());
        assertEquals(1.0, r.performance());

        env.newTrial(Map.of("wait_steps", 1));
        env.step(0);
        env.step(1);
        r = env.step(0);
        assertTrue(r.newTrial(), "stopping breaks the sequence");
        assertEquals(0.0, r.performance());
    }

    @Test
    void contextSwitchReversesTheMappingInContextOne() {
        TrialEnv env = start(ContextSwitch.DESCRIPTOR, Map.of(), 6, Map.of("context", 1, "cue", 0));
        assertEquals(1f, ob(env, 0, 0));
        assertEquals(1, env.trialGroundTruth()[0]);
        assertEquals(1.0, env.step(1).reward());
        env.newTrial(Map.of("context", 0, "cue", 0));
        assertEquals(0.0, env.step(1).reward());
    }

    @Test
    void memoryRecallAsksForTheMarkedPatternsAndPenalisesErrors() {
        TrialEnv env = start(MemoryRecall.DESCRIPTOR, Map.of("p_recall", 0.5), 7, Map.of("t", 20));
        assertEquals(10, env.periodStart("recall"));
        int w = env.observationSize();
        float[] ob = env.trialObservations();
        float[] gt = env.trialGroundTruthVector();
        int marked = 0;
        for (int s = 0; s < 10; s++) if (ob[s * w + 10] == 1f) marked++;
        assertEquals(10, marked, "every stored pattern is marked when half the sequence is recalled");
        for (int k = 10; k < 20; k++) {
            boolean found = false;
            for (int s = 0; s < 10 && !found; s++) {
                boolean same = true;
                for (int i = 0; i < 10; i++) same &= gt[k * 10 + i] == ob[s * w + i];
                found = same;
            }
            assertTrue(found, "recall step " + k + " asks for a stored pattern");
            for (int i = 0; i < 10; i++) {
                float shown = ob[k * w + i];
                assertTrue(shown == 0f || shown == gt[k * 10 + i], "a recall cue hides elements, never changes them");
            }
        }
        float[] zeros = new float[10];
        for (int s = 0; s < 10; s++) assertEquals(0.0, env.step(zeros).reward());
        StepResult r = env.step(zeros);
        assertEquals(-1.0, r.reward(), 1e-9, "all-zero answers to +-1 patterns miss by 1");
    }

    @Test
    void angleReproductionRewardsTheNearerPointer() {
        TrialEnv env = start(AngleReproduction.DESCRIPTOR, Map.of(), 8, Map.of("ground_truth1", Math.PI + 0.2, "ground_truth2", 0.0));
        while (env.stepIndex() < env.periodStart("go1")) env.step(0);
        double still = env.step(0).reward();
        assertEquals(1 - 0.2, still, 1e-9);
        double turned = env.step(1).reward();
        assertEquals(1 - 0.15, turned, 1e-9, "one turn of +0.05 brings the pointer nearer");
        int row = env.stepIndex();
        assertEquals(Math.cos(0 - (Math.PI + 0.05)), ob(env, row, 16), 1e-6, "the pointer input follows the state");
    }

    @Test
    void badParametersNameTheKey() {
        assertTrue(assertThrows(ParameterException.class, () -> MemoryRecall.DESCRIPTOR.create(Map.of("p_recall", 0.7)))
                .getMessage().contains("p_recall"));
        assertTrue(assertThrows(ParameterException.class, () -> MatchingPenny.DESCRIPTOR.create(Map.of("opponent_type", "smart")))
                .getMessage().contains("opponent_type"));
        assertTrue(assertThrows(ParameterException.class, () -> MemoryRecall.DESCRIPTOR.create(Map.of("t_min", 30)))
                .getMessage().contains("t_max"));
    }
}
