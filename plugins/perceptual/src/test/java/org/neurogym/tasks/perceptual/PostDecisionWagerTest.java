package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

class PostDecisionWagerTest {

    private static PostDecisionWager make(Map<String, ?> params) {
        return Probe.make(PostDecisionWager.DESCRIPTOR, params);
    }

    @Test
    void theCorrectChoiceIsTheOneBasedAction() {
        // the reference compares the action with the 0-based index, so choice 0 could never win
        PostDecisionWager env = make(Map.of());
        for (int gt = 0; gt < 2; gt++) {
            Probe.start(env, 1, Map.of("ground_truth", gt, "wager", false));
            Probe.fixateUntil(env, "decision");
            StepResult r = env.step(1 + gt);
            assertTrue(r.newTrial());
            assertEquals(1.0, r.reward(), 1e-12);
            assertEquals(1.0, r.performance());

            Probe.start(env, 1, Map.of("ground_truth", gt, "wager", false));
            Probe.fixateUntil(env, "decision");
            r = env.step(2 - gt);
            assertEquals(0.0, r.reward(), 1e-12);
            assertEquals(0.0, r.performance());
        }
    }

    @Test
    void theSureBetPaysOnlyOnWagerTrials() {
        PostDecisionWager env = make(Map.of());
        assertEquals(0.7, env.rewards().get("sure"), 1e-12);
        Probe.start(env, 2, Map.of("ground_truth", 0, "wager", true));
        Probe.fixateUntil(env, "decision");
        StepResult r = env.step(3);
        assertTrue(r.newTrial());
        assertEquals(0.7, r.reward(), 1e-12);
        assertEquals(0.7, r.performance(), 1e-12);

        Probe.start(env, 2, Map.of("ground_truth", 0, "wager", false));
        Probe.fixateUntil(env, "decision");
        r = env.step(3);
        assertTrue(r.newTrial());
        assertEquals(-0.1, r.reward(), 1e-12);
        assertEquals(0.0, r.performance());
    }

    @Test
    void fixatingInTheDecisionPeriodWaits() {
        PostDecisionWager env = make(Map.of("timing", Map.of("decision", 300)));
        Probe.start(env, 3, Map.of("wager", false));
        int choice = env.trial().getInt("ground_truth") + 1;
        Probe.fixateUntil(env, "decision");
        StepResult r = env.step(0);
        assertEquals(0.0, r.reward());
        assertFalse(r.newTrial());
        assertEquals(choice, r.groundTruth());
        env.reset(3);
        r = env.step(1);
        assertEquals(-0.1, r.reward(), 1e-12);
        assertFalse(r.newTrial());
    }

    @Test
    void theSureInputAppearsAfterThePauseOnWagerTrialsOnly() {
        PostDecisionWager env = make(Map.of("sigma", 0.0));
        Probe.start(env, 4, Map.of("wager", true));
        int preSureEnd = env.periodEnd("pre_sure");
        assertEquals(env.periodEnd("stimulus"), env.periodStart("pre_sure"));
        assertTrue(preSureEnd < env.periodEnd("delay"));
        for (int t = 0; t < env.trialLength(); t++) {
            assertEquals(t >= preSureEnd ? 1f : 0f, Probe.ob(env, t, 3), "sure input at step " + t);
            assertEquals(t < env.periodStart("decision") ? 1f : 0f, Probe.ob(env, t, 0), "fixation at step " + t);
        }
        Probe.start(env, 4, Map.of("wager", false));
        assertFalse(env.hasPeriod("pre_sure"));
        for (int t = 0; t < env.trialLength(); t++) assertEquals(0f, Probe.ob(env, t, 3));
    }

    @Test
    void theSureRewardFollowsTheCorrectReward() {
        PostDecisionWager env = make(Map.of("rewards", Map.of("correct", 2.0, "fail", -1.0)));
        assertEquals(1.4, env.rewards().get("sure"), 1e-12);
        Probe.start(env, 5, Map.of("wager", true));
        Probe.fixateUntil(env, "decision");
        assertEquals((1.4 + 1) / 3, env.step(3).performance(), 1e-12);
        var e = assertThrows(ParameterException.class, () -> make(Map.of("rewards", Map.of("sure", 0.5))));
        assertEquals("rewards.sure", e.key());
    }

    @Test
    void widerRingsKeepTheSureBetLast() {
        PostDecisionWager env = make(Map.of("dim_ring", 3));
        assertEquals(5, env.observationSize());
        assertEquals(4, env.actionSpace().channel("sure")[0]);
        Probe.start(env, 6, Map.of("ground_truth", 2, "wager", true));
        Probe.fixateUntil(env, "decision");
        assertEquals(1.0, env.step(3).reward(), 1e-12);
    }
}
