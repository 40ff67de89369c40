package org.neurogym.tasks.motor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

class ReachingDelayResponseTest {

    private static final float[] HOLD = {-1f, -0.5f};

    private static ReachingDelayResponse make(Map<String, Object> params, double target) {
        ReachingDelayResponse env = (ReachingDelayResponse) ReachingDelayResponse.DESCRIPTOR.create(params);
        env.reset(3);
        env.newTrial(Map.of("ground_truth", target));
        return env;
    }

    private static void holdUntilDecision(ReachingDelayResponse env) {
        while (env.stepIndex() < env.periodStart("decision")) {
            StepResult r = env.step(HOLD);
            assertEquals(0.0, r.reward());
            assertFalse(r.newTrial());
        }
    }

    @Test
    void observationsAndGroundTruthFollowThePeriods() {
        ReachingDelayResponse env = make(Map.of("timing", Map.of("delay", 300)), 0.25);
        float[] ob = env.trialObservations();
        float[] gt = env.trialGroundTruthVector();
        assertArrayEquals(new float[] {0f, 0.25f}, new float[] {ob[0], ob[1]});
        int d = env.periodStart("delay");
        assertArrayEquals(new float[] {0f, -0.5f}, new float[] {ob[2 * d], ob[2 * d + 1]});
        int g = env.periodStart("decision");
        assertArrayEquals(new float[] {1f, -0.5f}, new float[] {ob[2 * g], ob[2 * g + 1]});
        assertArrayEquals(HOLD, new float[] {gt[2 * d], gt[2 * d + 1]});
        assertArrayEquals(new float[] {1f, 0.25f}, new float[] {gt[2 * g], gt[2 * g + 1]});
    }

    @Test
    void exactResponseEarnsCorrectAndErrorsShrinkTheReward() {
        ReachingDelayResponse env = make(Map.of(), 0.25);
        holdUntilDecision(env);
        StepResult r = env.step(new float[] {1f, 0.25f});
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward());
        assertEquals(1.0, r.performance());

        env = make(Map.of("rewards", Map.of("correct", 2.0)), 0.25);
        holdUntilDecision(env);
        r = env.step(new float[] {0.5f, 0.75f}); // error 0.5
        assertTrue(r.newTrial());
        assertEquals(2.0 / 2.25, r.reward(), 1e-6);
        assertEquals(1 / 2.25, r.performance(), 1e-6);
    }

    @Test
    void respondingDuringTheStimulusIsPenalisedButDoesNotAbort() {
        ReachingDelayResponse env = make(Map.of("timing", Map.of("delay", 300)), 0.5);
        StepResult r = env.step(new float[] {0f, 0.5f}); // not negative: counts as a response
        assertEquals(-0.1, r.reward());
        assertFalse(r.newTrial());
        // responding in the delay is ignored
        while (env.stepIndex() < env.periodStart("delay")) env.step(HOLD);
        r = env.step(new float[] {1f, 0.5f});
        assertEquals(0.0, r.reward());
        assertFalse(r.newTrial());
    }

    @Test
    void neverRespondingEndsTheTrialWithTheMissReward() {
        ReachingDelayResponse env = make(Map.of(), 0.5);
        int length = env.trialLength();
        StepResult r = null;
        for (int i = 0; i < length; i++) {
            r = env.step(HOLD);
            assertEquals(i == length - 1, r.newTrial());
        }
        assertEquals(-0.5, r.reward());
        assertEquals(0.0, r.performance());
    }

    @Test
    void boundsOutsideTheResponseRangeAreRejected() {
        ParameterException low = assertThrows(ParameterException.class,
                () -> ReachingDelayResponse.DESCRIPTOR.create(Map.of("lowbound", -1.5)));
        assertEquals("lowbound", low.key());
        ParameterException high = assertThrows(ParameterException.class,
                () -> ReachingDelayResponse.DESCRIPTOR.create(Map.of("lowbound", 0.5, "highbound", 0.2)));
        assertEquals("highbound", high.key());
    }
}
