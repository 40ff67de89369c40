package org.neurogym.tasks.motor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

class AntiReachTest {

    private static AntiReach make(Map<String, Object> params, int groundTruth) {
        AntiReach env = (AntiReach) AntiReach.DESCRIPTOR.create(params);
        env.reset(7);
        env.newTrial(Map.of("ground_truth", groundTruth));
        return env;
    }

    /** The stimulus unit with the strongest input during the stimulus period. */
    private static int peakStimulusUnit(AntiReach env) {
        int n = env.observationSize();
        int row = env.periodStart("stimulus") * n;
        float[] ob = env.trialObservations();
        int best = 1;
        for (int c = 1; c < n; c++) if (ob[row + c] > ob[row + best]) best = c;
        return best - 1;
    }

    @Test
    void antiTrialsCueTheOppositeDirectionAndProTrialsTheTarget() {
        assertEquals(5 + 16, peakStimulusUnit(make(Map.of(), 5)));
        assertEquals(5, peakStimulusUnit(make(Map.of("anti", false), 5)));
        AntiReach env = make(Map.of(), 20);
        assertEquals((20 + 16) % 32, peakStimulusUnit(env));
        // the answer is the target itself (choice 20 is action 21) in the decision period only
        int[] gt = env.trialGroundTruth();
        assertEquals(21, gt[env.periodStart("decision")]);
        assertEquals(0, gt[env.periodStart("stimulus")]);
        // fixation input is on until the decision
        float[] ob = env.trialObservations();
        int n = env.observationSize();
        assertEquals(1f, ob[(env.periodEnd("stimulus") - 1) * n]);
        assertEquals(0f, ob[env.periodStart("decision") * n]);
    }

    @Test
    void correctChoiceEarnsCorrectAndWrongChoiceEarnsFail() {
        AntiReach env = make(Map.of("rewards", Map.of("fail", -0.7)), 3);
        StepResult r = stepUntilDecision(env);
        r = env.step(4); // choice 3
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward());
        assertEquals(1.0, r.performance());

        env.newTrial(Map.of("ground_truth", 3));
        stepUntilDecision(env);
        r = env.step(5);
        assertTrue(r.newTrial());
        assertEquals(-0.7, r.reward());
        assertEquals(0.0, r.performance());
    }

    @Test
    void breakingFixationIsPenalisedOnlyInTheFixationPeriodAndDoesNotAbort() {
        AntiReach env = make(Map.of(), 3);
        StepResult r = env.step(2);
        assertEquals(-0.1, r.reward());
        assertFalse(r.newTrial());
        while (env.stepIndex() < env.periodStart("stimulus")) env.step(0);
        r = env.step(2); // in the stimulus period: no penalty, no end
        assertEquals(0.0, r.reward());
        assertFalse(r.newTrial());
    }

    @Test
    void invalidRingIsRejected() {
        ParameterException e = assertThrows(ParameterException.class, () -> AntiReach.DESCRIPTOR.create(Map.of("dim_ring", 0)));
        assertEquals("dim_ring", e.key());
    }

    private static StepResult stepUntilDecision(AntiReach env) {
        StepResult r = null;
        while (env.stepIndex() < env.periodStart("decision")) {
            r = env.step(0);
            assertFalse(r.newTrial());
        }
        return r;
    }
}
