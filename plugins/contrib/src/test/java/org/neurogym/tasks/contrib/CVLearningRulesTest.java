package org.neurogym.tasks.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

class CVLearningRulesTest {

    static CVLearning make(Map<String, ?> params, long seed) {
        CVLearning env = (CVLearning) CVLearning.DESCRIPTOR.create(params).unwrapped();
        env.reset(seed);
        return env;
    }

    static float ob(CVLearning env, int t, int c) {
        return env.trialObservations()[t * env.observationSize() + c];
    }

    static int gt(CVLearning env) {
        return env.trialGroundTruth()[env.periodStart("decision")];
    }

    /** Fixates until the decision period, then acts. */
    static StepResult choose(CVLearning env, int action) {
        while (env.stepIndex() < env.periodStart("decision")) assertFalse(env.step(0).newTrial());
        return env.step(action);
    }

    /** Plays one trial with a right (or wrong) first choice; a wrong choice in phase 1 is followed by the right one. */
    static StepResult play(CVLearning env, boolean right) {
        int g = gt(env);
        StepResult r = choose(env, right ? g : 3 - g);
        if (!r.newTrial()) r = env.step(g);
        assertTrue(r.newTrial());
        return r;
    }

    static int periodSteps(CVLearning env, String p) {
        return env.periodEnd(p) - env.periodStart(p);
    }

    @Test
    void phaseZeroHasNoStimulusAndPaysEitherSide() {
        CVLearning env = make(Map.of(), 1);
        assertEquals(0, env.phase());
        assertEquals(0, env.trial().getInt("phase"));
        assertEquals(0, periodSteps(env, "stimulus"));
        assertEquals(0, periodSteps(env, "delay"));
        assertEquals(2 + 15, env.trialLength());
        assertEquals(1f, ob(env, 0, 0), "fixation input");
        for (int c = 0; c <= 10; c++) assertEquals(0f, ob(env, env.periodStart("decision"), c), "the decision shows nothing");
        StepResult r = choose(env, 3 - gt(env));
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward(), "the side that is not the ground truth pays too");
        assertEquals(1.0, r.performance());
    }

    @Test
    void earlyResponsesCostTheAbortRewardWithoutEndingTheTrial() {
        CVLearning env = make(Map.of(), 2);
        StepResult r = env.step(5);
        assertEquals(-0.1, r.reward(), 1e-12);
        assertFalse(r.newTrial());
        assertEquals(0.0, choose(env, 7).reward(), "an action other than the two choices does nothing in the decision");
        assertFalse(env.step(0).newTrial());
    }

    @Test
    void phaseZeroForcesTheOtherSideAfterMaxNumRepsRepeats() {
        CVLearning env = make(Map.of(), 3);
        for (int i = 0; i < 3; i++) assertEquals(1.0, choose(env, 1).reward(), "choice " + i + " of side 1 pays");
        assertEquals(-3, env.sideRun());
        assertEquals(2, gt(env), "after three choices of side 1 only side 2 is right");
        StepResult r = choose(env, 1);
        assertTrue(r.newTrial());
        assertEquals(0.0, r.reward(), "repeating the side again earns nothing");
        assertEquals(0.0, r.performance());
        assertEquals(2, gt(env), "still forced: four in a row");
        r = choose(env, 2);
        assertEquals(1.0, r.reward());
        assertEquals(1.0, r.performance());
        assertEquals(1, env.sideRun());
        assertEquals(1.0, choose(env, 1).reward(), "after alternating either side pays again");
    }

    @Test
    void aTimedOutTrialIsNotCountedAsARepeat() {
        CVLearning env = make(Map.of(), 4);
        choose(env, 1);
        choose(env, 1);
        // the third trial runs out of time without a choice
        StepResult r;
        do r = env.step(0); while (!r.newTrial());
        assertEquals(0.0, r.performance());
        assertEquals(-2, env.sideRun(), "the reference counted the stale last choice again here");
        assertEquals(1.0, choose(env, 1).reward(), "third real choice of side 1 still pays");
        assertEquals(-3, env.sideRun());
        assertEquals(2, gt(env));
    }

    @Test
    void phaseOneLetsTheAgentRetryButOnlyAFirstRightChoiceCounts() {
        CVLearning env = make(Map.of("stages", List.of(1, 2), "keep_days", 0, "trials_day", 10, "perf_len", 5), 5);
        assertEquals(1, env.phase());
        int g = gt(env);
        int s = env.periodStart("stimulus");
        assertEquals(11, periodSteps(env, "stimulus"));
        assertEquals(0, periodSteps(env, "delay"));
        assertEquals(1f, ob(env, s, 0));
        assertEquals(1f, ob(env, s, g), "full coherence, no noise");
        assertEquals(0f, ob(env, s, 3 - g));
        assertEquals(0.5f, ob(env, s, 3), "uninformative inputs");
        assertEquals(0.5f, ob(env, s, 10));
        StepResult r = choose(env, 3 - g);
        assertFalse(r.newTrial(), "a wrong choice does not end the trial");
        assertEquals(0.0, r.reward());
        r = env.step(g);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward());
        assertEquals(0.0, r.performance(), "the first choice was wrong");

        // trials right only at the second attempt never count: the phase is kept
        for (int i = 0; i < 29; i++) play(env, false);
        assertEquals(1, env.phase(), "the reference counted these trials as correct and advanced");
        // a day of right first choices advances (keep_days 0)
        for (int i = 0; i < 9; i++) {
            play(env, true);
            assertEquals(1, env.phase());
        }
        play(env, true);
        assertEquals(2, env.phase());
        assertEquals(2, env.trial().getInt("phase"));
    }

    @Test
    void phaseTwoPenalisesAndFallsBackToPhaseOneUntilPerformanceRecovers() {
        CVLearning env = make(Map.of("stages", List.of(1, 2), "keep_days", 0, "trials_day", 10, "perf_len", 5), 6);
        for (int i = 0; i < 10; i++) play(env, true);
        assertEquals(2, env.phase());
        assertEquals(0, periodSteps(env, "delay"));
        StepResult r = choose(env, 3 - gt(env));
        assertTrue(r.newTrial(), "the first choice ends the trial");
        assertEquals(-1.0, r.reward());
        assertEquals(0.0, r.performance());
        // the running performance is measured once the day has more than perf_len trials: 6 failures
        for (int i = 0; i < 5; i++) {
            assertEquals(2, env.phase());
            play(env, false);
        }
        assertEquals(1, env.phase());
        assertEquals(0.0, env.instantPerformance());
        // 4 of the last 5 right (0.8 > 0.7) brings phase 2 back
        for (int i = 0; i < 4; i++) {
            assertEquals(1, env.phase());
            play(env, true);
        }
        assertEquals(2, env.phase());
    }

    @Test
    void phaseThreeDelayGrowsWithPerformanceAndShrinksWithErrors() {
        CVLearning env = make(Map.of("stages", List.of(3), "perf_len", 5, "trials_day", 1000), 7);
        Set<Integer> fullDelays = new HashSet<>();
        double share = 0;
        for (int i = 0; i < 120; i++) {
            double now = env.delayShare();
            assertTrue(now >= share && now <= 1, "grows while the agent is right");
            assertTrue(now - share == 0 || now - share == 0.25);
            share = now;
            int d = periodSteps(env, "delay");
            assertTrue(d == (int) Math.floor(1000 * share / 100) || d == (int) Math.floor(3000 * share / 100), "delay " + d);
            if (share == 1) fullDelays.add(d);
            assertEquals(1.0, env.trial().getDouble("coh") / 100);
            play(env, true);
        }
        assertEquals(1.0, share);
        assertEquals(Set.of(10, 30), fullDelays, "both delays of the pair are drawn");
        StepResult r = choose(env, 3 - gt(env));
        assertEquals(-1.0, r.reward());
        for (int i = 0; i < 20; i++) play(env, false);
        assertTrue(env.delayShare() < 1, "errors shorten the delay again");
    }

    @Test
    void phaseFourIsTheFullNoisyTaskWithTheFailReward() {
        CVLearning env = make(Map.of("th_stage", -1), 8);
        assertEquals(4, env.phase(), "th_stage -1 starts at the last stage");
        assertEquals(0.1, env.trial().getDouble("sigma"), 1e-12, "sigma / sqrt(dt)");
        env.newTrial(Map.of("ground_truth", 2, "coh", 51.2, "sigma", 0.0));
        int s = env.periodStart("stimulus");
        assertEquals((1 - 0.512) / 2, ob(env, s, 1), 1e-6);
        assertEquals((1 + 0.512) / 2, ob(env, s, 2), 1e-6);
        assertEquals(0.5f, ob(env, s, 4));
        int d = periodSteps(env, "delay");
        assertTrue(d >= 10 && d < 30, "delay from the uniform timing: " + d);
        assertEquals(1f, ob(env, env.periodStart("delay"), 0));
        assertEquals(0f, ob(env, env.periodStart("delay"), 2));
        StepResult r = choose(env, 1);
        assertTrue(r.newTrial());
        assertEquals(-1.0, r.reward());

        // noise on the stimulus inputs only
        env.newTrial(Map.of("ground_truth", 1, "coh", 0.0));
        s = env.periodStart("stimulus");
        assertEquals(1f, ob(env, s, 0));
        assertTrue(ob(env, s, 1) != 0.5f && ob(env, s, 9) != 0.5f);
    }

    @Test
    void phaseFourPenalisesEvenWhenItFollowsPhaseOne() {
        CVLearning env = make(Map.of("stages", List.of(1, 4), "keep_days", 0, "trials_day", 5), 9);
        for (int i = 0; i < 5; i++) play(env, true);
        assertEquals(4, env.phase());
        assertEquals(-1.0, choose(env, 3 - gt(env)).reward(), "the reference kept phase 1's free errors here");
    }

    @Test
    void daysAreKeptBeforeAdvancing() {
        CVLearning env = make(Map.of("keep_days", 1, "trials_day", 10), 10);
        for (int i = 0; i < 19; i++) {
            play(env, true);
            assertEquals(0, env.phase(), "trial " + i);
        }
        play(env, true);
        assertEquals(1, env.phase(), "two good days (one kept) advance");
    }

    @Test
    void resetRestartsTheCurriculum() {
        CVLearning env = make(Map.of("keep_days", 0, "trials_day", 5), 11);
        for (int i = 0; i < 5; i++) play(env, true);
        assertEquals(1, env.phase());
        env.reset(11);
        assertEquals(0, env.phase());
        assertEquals(0, env.sideRun());
    }

    @Test
    void expectedLengthFollowsThePhase() {
        assertEquals(17, make(Map.of(), 1).expectedTrialSteps());
        assertEquals(28, make(Map.of("stages", List.of(2)), 1).expectedTrialSteps());
        double full = make(Map.of("th_stage", -1), 1).expectedTrialSteps();
        assertTrue(full > 28 + 19 && full < 28 + 20, "plus a mean delay of about 19.5 steps: " + full);
    }

    /**
     * The default golden summary only sees phase 0 (its trials are never played, so the curriculum
     * does not move); this one fingerprints the full task, written and compared like the others.
     */
    @Test
    void fullTaskMatchesItsGoldenSummary() throws java.io.IOException {
        String actual = org.neurogym.testkit.TaskSummary.of(CVLearning.DESCRIPTOR, Map.of("th_stage", -1),
                org.neurogym.testkit.GoldenSummaries.SEED, org.neurogym.testkit.GoldenSummaries.TRIALS);
        java.nio.file.Path file = java.nio.file.Path.of("src", "test", "resources", "golden", "CVLearning-v0.phase4.summary");
        if (Boolean.getBoolean("neurogym.golden.update")) {
            java.nio.file.Files.writeString(file, actual);
            return;
        }
        assertTrue(java.nio.file.Files.exists(file), "missing " + file + "; computed:\n" + actual);
        assertEquals(java.nio.file.Files.readString(file), actual);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("stages", List.of(2, 1))));
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("stages", List.of(5))));
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("stages", List.of())));
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("n_ch", 1)));
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("trials_day", 0)));
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("perf_len", 0)));
        assertThrows(ParameterException.class, () -> CVLearning.DESCRIPTOR.create(Map.of("max_num_reps", 0)));
        CVLearning two = make(Map.of("n_ch", 2), 1);
        assertEquals(3, two.observationSize());
    }
}
