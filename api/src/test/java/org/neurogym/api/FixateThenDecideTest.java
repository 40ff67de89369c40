package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

class FixateThenDecideTest {

    /** fixation (2 steps), stimulus (1), decision (2); ground truth 2 in the decision period. */
    private static ToyTask task(TrialEnv.FixationRule rule, boolean abort, boolean withFail) {
        ToyTask t = new ToyTask(100, Box.unbounded(1, Channel.of("fixation", 0)),
                new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)),
                "fixation", 200, "stimulus", 100, "decision", 200);
        if (withFail) t.defineRewards(null, "abort", -0.1, "correct", 1.0, "fail", -1.0);
        else t.defineRewards(null, "abort", -0.1, "correct", 1.0);
        t.onTrial((x, trial) -> {
            x.addPeriods("fixation", "stimulus", "decision");
            x.setGroundTruth(2, "decision");
        });
        t.onStep((x, action, out) -> x.judgeFixateThenDecide(action, out, rule, abort));
        t.reset(0);
        return t;
    }

    @Test
    void fixatingThenChoosingTheGroundTruthIsCorrect() {
        ToyTask t = task(TrialEnv.FixationRule.FIXATION_PERIOD, false, true);
        for (int i = 0; i < 3; i++) assertEquals(0.0, t.step(0).reward());
        StepResult r = t.step(2);
        assertEquals(1.0, r.reward());
        assertTrue(r.newTrial());
        assertEquals(1.0, r.performance());
    }

    @Test
    void theWrongChoiceFailsAndEndsTheTrial() {
        ToyTask t = task(TrialEnv.FixationRule.FIXATION_PERIOD, false, true);
        for (int i = 0; i < 3; i++) t.step(0);
        StepResult r = t.step(1);
        assertEquals(-1.0, r.reward());
        assertTrue(r.newTrial());
        assertEquals(0.0, r.performance());
    }

    @Test
    void withoutAFailRewardTheWrongChoiceEarnsNothing() {
        ToyTask t = task(TrialEnv.FixationRule.FIXATION_PERIOD, false, false);
        for (int i = 0; i < 3; i++) t.step(0);
        assertEquals(0.0, t.step(1).reward());
    }

    @Test
    void breakingFixationCostsTheAbortRewardAndEndsTheTrialOnlyWithAbort() {
        StepResult kept = task(TrialEnv.FixationRule.FIXATION_PERIOD, false, true).step(1);
        assertEquals(-0.1, kept.reward());
        assertFalse(kept.newTrial());
        StepResult aborted = task(TrialEnv.FixationRule.FIXATION_PERIOD, true, true).step(1);
        assertEquals(-0.1, aborted.reward());
        assertTrue(aborted.newTrial());
    }

    @Test
    void theRuleDecidesWhetherTheStimulusPeriodCountsAsFixation() {
        ToyTask inFixationOnly = task(TrialEnv.FixationRule.FIXATION_PERIOD, false, true);
        inFixationOnly.step(0);
        inFixationOnly.step(0);
        assertEquals(0.0, inFixationOnly.step(1).reward(), "acting in the stimulus period is free");
        ToyTask untilDecision = task(TrialEnv.FixationRule.UNTIL_DECISION, false, true);
        untilDecision.step(0);
        untilDecision.step(0);
        assertEquals(-0.1, untilDecision.step(1).reward(), "acting before the decision period breaks fixation");
    }
}
