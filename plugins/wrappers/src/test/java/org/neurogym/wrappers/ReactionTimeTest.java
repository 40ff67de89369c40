package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;

class ReactionTimeTest {
    private static final Map<String, Object> TIMING = Map.of("timing",
            Map.of("fixation", 300, "stimulus", 2000, "delay", 500, "decision", 200));

    @Test
    void aSecondReactionTimeIsRefusedInOneLine() {
        ReactionTime once = new ReactionTime(Fixtures.pdm(TIMING), 0, true);
        assertFalse(ReactionTime.DESCRIPTOR.accepts().test(new PassReward(once)));
        NeuroGymException e = assertThrows(NeuroGymException.class,
                () -> ReactionTime.DESCRIPTOR.wrap(new PassReward(once), Map.of()));
        assertTrue(e.getMessage().contains("already under ReactionTime") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anOracleWinsEveryTrialAndAnswersBeforeTheStimulusEnds() {
        TrialEnv task = Fixtures.pdm(TIMING);
        ReactionTime env = new ReactionTime(task, 0, true);
        Agent oracle = Agents.oracle(env);
        float[] ob = env.reset(4);
        int trials = 0;
        int stepsInTrial = 0;
        int stimStart = task.periodStart("stimulus");
        int stimEnd = task.periodEnd("stimulus");
        for (int i = 0; i < 3000; i++) {
            StepResult r = env.step(oracle.act(ob));
            stepsInTrial++;
            ob = r.observation();
            if (r.newTrial()) {
                trials++;
                assertEquals(1.0, r.performance(), "the oracle wins every trial");
                double rt = (Double) r.info().get(ReactionTime.REACTION_TIME);
                assertEquals(200.0, rt, "the oracle answers at the first decision step, one step after stimulus onset");
                assertTrue(rt < (stimEnd - stimStart) * 100.0, "answered before the stimulus ends");
                assertEquals(stimStart + 2, stepsInTrial, "the agent lived fixation plus two stimulus steps");
                assertEquals(1.0, r.reward(), "the task's correct reward");
                stepsInTrial = 0;
                stimStart = task.periodStart("stimulus");
                stimEnd = task.periodEnd("stimulus");
            }
        }
        assertTrue(trials > 100, "trials " + trials);
    }

    @Test
    void theDecisionGroundTruthIsCopiedIntoTheStimulusPeriod() {
        TrialEnv task = Fixtures.pdm(TIMING);
        ReactionTime env = new ReactionTime(task, 0, true);
        env.reset(1);
        for (int k = 0; k < 10; k++) {
            int[] gt = env.trialGroundTruth();
            int answer = gt[task.periodStart("decision")];
            assertTrue(answer == 1 || answer == 2);
            assertEquals(task.periodStart("stimulus") + 1, task.periodStart("decision"), "the decision starts one step into the stimulus");
            for (int t = task.periodStart("stimulus") + 1; t < task.periodEnd("stimulus"); t++) assertEquals(answer, gt[t]);
            for (int t = 0; t <= task.periodStart("stimulus"); t++) assertEquals(0, gt[t], "fixation and stimulus onset stay fixation");
            assertEquals(task.periodEnd("stimulus"), env.trialLength(), "with end_on_stimulus the trial ends with the stimulus");
            env.newTrial(Map.of());
        }
    }

    @Test
    void aTrialWithoutAnswerEndsWithTheStimulus() {
        TrialEnv task = Fixtures.pdm(TIMING);
        ReactionTime env = new ReactionTime(task, -0.01, true);
        env.reset(2);
        int steps = 0;
        int expected = task.periodEnd("stimulus");
        int trials = 0;
        for (int i = 0; i < 500; i++) {
            StepResult r = env.step(0);
            steps++;
            if (r.newTrial()) {
                assertEquals(expected, steps, "the trial ended with the stimulus");
                assertTrue(Double.isNaN((Double) r.info().get(ReactionTime.REACTION_TIME)), "no answer, no reaction time");
                assertEquals(0.0, r.performance());
                assertEquals(-0.01, r.reward(), 1e-12, "only the urgency");
                expected = task.periodEnd("stimulus");
                steps = 0;
                trials++;
            } else {
                assertEquals(-0.01, r.reward(), 1e-12, "urgency on every step");
            }
        }
        assertTrue(trials > 10);
    }

    @Test
    void withoutEndOnStimulusTheTaskKeepsItsTiming() {
        TrialEnv task = Fixtures.pdm(TIMING);
        ReactionTime env = (ReactionTime) ReactionTime.DESCRIPTOR.wrap(task, Map.of("end_on_stimulus", false));
        env.reset(2);
        assertEquals(task.trialLength(), env.trialLength());
        int steps = 0;
        int expected = task.trialLength();
        for (int i = 0; i < 300; i++) {
            StepResult r = env.step(0);
            steps++;
            if (r.newTrial()) {
                assertEquals(expected, steps, "the whole trial ran");
                expected = task.trialLength();
                steps = 0;
            }
        }
    }

    @Test
    void aLateAnswerInTheDecisionPeriodReportsItsReactionTime() {
        TrialEnv task = Fixtures.pdm(TIMING);
        ReactionTime env = new ReactionTime(task, 0, false);
        env.reset(6);
        int decision = task.periodStart("decision");
        int stimulus = task.periodStart("stimulus");
        int answer = env.trialGroundTruth()[decision];
        StepResult r = null;
        for (int t = 0; t <= decision; t++) r = env.step(t == decision ? answer : 0);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.performance());
        assertEquals((decision - stimulus + 1) * 100.0, (Double) r.info().get(ReactionTime.REACTION_TIME));
    }

    @Test
    void aWrongEarlyAnswerFails() {
        TrialEnv task = Fixtures.pdm(TIMING);
        ReactionTime env = new ReactionTime(task, 0, true);
        env.reset(6);
        int stimulus = task.periodStart("stimulus");
        int wrong = 3 - env.trialGroundTruth()[task.periodStart("decision")];
        StepResult r = null;
        for (int t = 0; t < stimulus + 3; t++) {
            r = env.step(t == stimulus + 2 ? wrong : 0);
            if (t < stimulus + 2) assertFalse(r.newTrial());
        }
        assertTrue(r.newTrial());
        assertEquals(0.0, r.performance());
        assertEquals(300.0, (Double) r.info().get(ReactionTime.REACTION_TIME));
    }

    @Test
    void aTaskWithoutStimulusAndDecisionIsRefusedAtWrapTime() {
        TrialEnv dms = Fixtures.dms();
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> new ReactionTime(dms, 0, true));
        assertTrue(e.getMessage().contains("ReactionTime") && e.getMessage().contains("DelayMatchSample")
                && e.getMessage().contains("stimulus"), e.getMessage());
        // the refused wrapper did not take over the task's trials
        dms.reset(0);
        assertTrue(dms.trialGroundTruth() != null);
    }
}
