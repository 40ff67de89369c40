package org.neurogym.tasks.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.spi.TaskDescriptor;

class TimingRulesTest {

    private static TrialEnv make(TaskDescriptor d, Map<String, ?> params) {
        TrialEnv env = (TrialEnv) d.create(params).unwrapped();
        env.reset(3);
        return env;
    }

    private static float[] row(TrialEnv env, int step) {
        int n = env.observationSize();
        return Arrays.copyOfRange(env.trialObservations(), step * n, (step + 1) * n);
    }

    /** Fixates until step {@code step}, asserting that nothing ends the trial. */
    private static void fixateUntil(TrialEnv env, int step) {
        while (env.stepIndex() < step) assertFalse(env.step(0).newTrial());
    }

    /** The steps whose ground truth is {@code action}. */
    private static int[] stepsWith(TrialEnv env, int action) {
        int[] gt = env.trialGroundTruth();
        return java.util.stream.IntStream.range(0, env.trialLength()).filter(t -> gt[t] == action).toArray();
    }

    private static double share(double error, double tolerance) {
        return Math.max(Math.pow(1 - error / tolerance, 1.5), 0.1);
    }

    // ------------------------------------------------------------------ ReadySetGo

    @Test
    void readySetGoLaysOutTheTrial() {
        TrialEnv env = make(ReadySetGo.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("measure", 800.0));
        // dt 80: fixation 1 step, ready 1 step from step 1, measure 10 steps from step 1, set 1, production 20
        assertEquals(1, env.periodStart("ready"));
        assertEquals(1, env.periodStart("measure"));
        assertEquals(11, env.periodEnd("measure"));
        assertEquals(12, env.periodStart("production"));
        assertEquals(32, env.trialLength());
        assertArrayEquals(new float[] {1, 0, 0}, row(env, 0));
        assertArrayEquals(new float[] {1, 1, 0}, row(env, 1));
        assertArrayEquals(new float[] {1, 0, 0}, row(env, 2));
        assertArrayEquals(new float[] {1, 0, 1}, row(env, 11));
        assertArrayEquals(new float[] {0, 0, 0}, row(env, 12));
        // the go step is 800 ms after the onset of set
        assertArrayEquals(new int[] {21}, stepsWith(env, 1));
        assertEquals(800.0, env.trial().getDouble("production"));
        // the go step is set step-exactly: no auxiliary period
        assertEquals(List.of("fixation", "ready", "measure", "set", "production"), env.periods());
    }

    @Test
    void readySetGoRewardsTheGoByItsTimingError() {
        TrialEnv env = make(ReadySetGo.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("measure", 800.0));
        fixateUntil(env, 21);
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward(), 1e-12, "the ground-truth go earns the full reward");
        assertEquals(1, r.performance());

        // one step late (where the reference put its ground truth): 80 ms off, tolerance 0.2 * 800 + 25
        env.newTrial(Map.of("measure", 800.0));
        fixateUntil(env, 22);
        r = env.step(1);
        assertEquals(share(80, 185), r.reward(), 1e-12);
        assertEquals(1, r.performance());

        // 240 ms early is beyond the tolerance
        env.newTrial(Map.of("measure", 800.0));
        fixateUntil(env, 18);
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(0, r.reward());
        assertEquals(0, r.performance());
    }

    @Test
    void readySetGoIgnoresGoBeforeProductionAndChargesBrokenFixation() {
        TrialEnv env = make(ReadySetGo.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("measure", 800.0));
        StepResult r = env.step(1);
        assertEquals(-0.1, r.reward(), 1e-12);
        assertFalse(r.newTrial());
        for (int t = 1; t < 12; t++) {
            r = env.step(1);
            assertFalse(r.newTrial(), "a go before production does not end the trial");
            assertEquals(0, r.reward());
        }
    }

    @Test
    void readySetGoScalesTheTargetByGain() {
        TrialEnv env = make(ReadySetGo.DESCRIPTOR, Map.of("gain", 1.5));
        env.newTrial(Map.of("measure", 800.0));
        assertEquals(1200.0, env.trial().getDouble("production"));
        assertEquals(12 + 30, env.trialLength());
        assertArrayEquals(new int[] {11 + 15}, stepsWith(env, 1));
        fixateUntil(env, 26);
        assertEquals(1, env.step(1).performance());
    }

    @Test
    void readySetGoUntilTimingEndsTheMeasureAtTheGivenTime() {
        TrialEnv env = make(ReadySetGo.DESCRIPTOR, Map.of("timing", Map.of("measure", List.of("until", 1000))));
        // the measure ends 1000 ms after the trial start (floored to dt), whatever fixation lasts
        assertEquals(Math.floor(1000 / 80.0) * 80, env.periodEnd("measure") * 80.0);
        assertEquals(env.periodEnd("measure") * 80.0 - env.periodEnd("fixation") * 80.0, env.trial().getDouble("measure"));
        int go = stepsWith(env, 1)[0];
        fixateUntil(env, go);
        assertEquals(1, env.step(1).performance());
    }

    @Test
    void readySetGoRejectsABadGain() {
        ParameterException e = assertThrows(ParameterException.class, () -> ReadySetGo.DESCRIPTOR.create(Map.of("gain", 0.0)));
        assertEquals("gain", e.key());
        e = assertThrows(ParameterException.class, () -> ReadySetGo.DESCRIPTOR.create(Map.of("prod_margin", -1.0)));
        assertEquals("prod_margin", e.key());
    }

    // ------------------------------------------------------------------ MotorTiming

    @Test
    void motorTimingCuesTheIntervalAndRewardsItsProduction() {
        TrialEnv env = make(MotorTiming.DESCRIPTOR, Map.of("dt", 10.0));
        env.newTrial(Map.of("production_ind", 1));
        assertEquals(1500.0, env.trial().getDouble("production"));
        // dt 10: fixation 50 steps, set 5 steps
        assertArrayEquals(new float[] {1, 0, 0, 0}, row(env, 0));
        assertArrayEquals(new float[] {1, 0, 1, 0}, row(env, env.periodStart("cue")));
        assertArrayEquals(new float[] {1, 0, 1, 1}, row(env, env.periodStart("set")));
        assertArrayEquals(new float[] {0, 0, 0, 0}, row(env, env.periodStart("production")));
        assertEquals(5, env.periodEnd("set") - env.periodStart("set"));
        assertEquals(300, env.periodEnd("production") - env.periodStart("production"));
        int go = env.periodEnd("set") + 150;
        assertArrayEquals(new int[] {go}, stepsWith(env, 1));
        assertEquals(List.of("fixation", "cue", "set", "production"), env.periods());

        StepResult r = env.step(1);
        assertEquals(-0.1, r.reward(), 1e-12, "breaking fixation costs");
        fixateUntil(env, env.periodStart("cue") + 3);
        r = env.step(1);
        assertEquals(0, r.reward(), "going during the cue is not judged");
        assertFalse(r.newTrial());
        fixateUntil(env, go);
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward(), 1e-12);
        assertEquals(1, r.performance());
    }

    @Test
    void motorTimingDefaultDtLosesTheSetPeriodAsInTheReference() {
        TrialEnv env = make(MotorTiming.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("production_ind", 0));
        assertEquals(env.periodStart("set"), env.periodEnd("set"), "50 ms floors to no step at dt 80");
        assertArrayEquals(new float[] {1, 1, 0, 0}, row(env, env.periodStart("cue")));
        int go = env.periodEnd("set") + 10;
        assertArrayEquals(new int[] {go}, stepsWith(env, 1));
        // a go 80 ms late: tolerance 0.2 * 800 + 25
        fixateUntil(env, go + 1);
        StepResult r = env.step(1);
        assertEquals(share(80, 185), r.reward(), 1e-12);
        assertEquals(1, r.performance());
        // far too early
        env.newTrial(Map.of("production_ind", 1));
        fixateUntil(env, env.periodStart("production") + 2);
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(0, r.reward());
        assertEquals(0, r.performance());
    }

    @Test
    void motorTimingWithoutRoomForTheGoStepHasNoGoStep() {
        // dt 2000: the 1600 ms production period of the 800 ms interval floors to no step at all
        TrialEnv env = make(MotorTiming.DESCRIPTOR, Map.of("dt", 2000.0, "timing", Map.of("fixation", 4000)));
        env.newTrial(Map.of("production_ind", 0));
        assertEquals(env.periodStart("production"), env.periodEnd("production"));
        assertEquals(env.periodEnd("production"), env.trialLength(), "the trial ends with production");
        assertEquals(0, stepsWith(env, 1).length);
    }

    // ------------------------------------------------------------------ OneTwoThreeGo

    @Test
    void oneTwoThreeGoRepeatsTheIntervalAndRewardsTheFourthBeat() {
        TrialEnv env = make(OneTwoThreeGo.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("interval", 800.0));
        for (String p : List.of("interval1", "interval2", "interval3")) {
            assertEquals(10, env.periodEnd(p) - env.periodStart(p), p);
        }
        assertArrayEquals(new float[] {1, 0, 0}, row(env, 0));
        assertArrayEquals(new float[] {1, 0, 1}, row(env, env.periodStart("target")));
        for (String s : List.of("s1", "s2", "s3")) assertArrayEquals(new float[] {1, 1, 1}, row(env, env.periodStart(s)));
        assertArrayEquals(new float[] {1, 0, 1}, row(env, env.periodStart("response")));
        assertEquals(env.periodStart("response"), stepsWith(env, 1)[0]);

        StepResult r = env.step(1);
        assertEquals(-0.1, r.reward(), 1e-12, "going before the last interval costs");
        assertFalse(r.newTrial());
        fixateUntil(env, env.periodStart("response"));
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward(), 1e-12);
        assertEquals(1, r.performance());
    }

    @Test
    void oneTwoThreeGoJudgesAGoInTheLastInterval() {
        TrialEnv env = make(OneTwoThreeGo.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("interval", 800.0));
        fixateUntil(env, env.periodStart("interval3") + 9);
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(share(80, 185), r.reward(), 1e-12);
        assertEquals(1, r.performance());

        env.newTrial(Map.of("interval", 800.0));
        fixateUntil(env, env.periodStart("interval3") + 2);
        r = env.step(1);
        assertTrue(r.newTrial(), "an early go in the last interval ends the trial");
        assertEquals(0, r.reward());
        assertEquals(0, r.performance());
    }

    // ------------------------------------------------------------------ IntervalDiscrimination

    @Test
    void intervalDiscriminationAsksWhichStimulusLastedLonger() {
        TrialEnv env = make(IntervalDiscrimination.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("duration1", 480.0, "duration2", 320.0));
        assertEquals(1, env.trial().getInt("ground_truth"));
        assertEquals(6, env.periodEnd("stim1") - env.periodStart("stim1"));
        assertEquals(4, env.periodEnd("stim2") - env.periodStart("stim2"));
        assertArrayEquals(new float[] {1, 1, 0}, row(env, env.periodStart("stim1")));
        assertArrayEquals(new float[] {1, 0, 1}, row(env, env.periodStart("stim2")));
        assertArrayEquals(new float[] {0, 0, 0}, row(env, env.periodStart("decision")));
        assertEquals(1, env.trialGroundTruth()[env.periodStart("decision")]);

        fixateUntil(env, env.periodStart("decision"));
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(1, r.reward());
        assertEquals(1, r.performance());

        env.newTrial(Map.of("duration1", 320.0, "duration2", 480.0));
        fixateUntil(env, env.periodStart("decision"));
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(0, r.reward());
        assertEquals(0, r.performance());
    }

    @Test
    void intervalDiscriminationTiesCallForTheSecondChoice() {
        TrialEnv env = make(IntervalDiscrimination.DESCRIPTOR, Map.of());
        env.newTrial(Map.of("duration1", 400.0, "duration2", 400.0));
        assertEquals(2, env.trial().getInt("ground_truth"));
        StepResult r = env.step(2);
        assertEquals(-0.1, r.reward(), 1e-12, "breaking fixation costs");
        assertFalse(r.newTrial());
    }

    @Test
    void intervalDiscriminationJudgesImposedDurationsAsShownInSteps() {
        TrialEnv env = make(IntervalDiscrimination.DESCRIPTOR, Map.of());
        // dt 80: 350 ms and 340 ms both fill 4 steps, so the stimuli look equally long: a tie, choice 2
        env.newTrial(Map.of("duration1", 350.0, "duration2", 340.0));
        assertEquals(env.periodEnd("stim1") - env.periodStart("stim1"), env.periodEnd("stim2") - env.periodStart("stim2"));
        assertEquals(2, env.trial().getInt("ground_truth"));
        assertEquals(2, env.trialGroundTruth()[env.periodStart("decision")]);
        // 400 ms (5 steps) against 399 ms (4 steps): the first is longer as shown
        env.newTrial(Map.of("duration1", 400.0, "duration2", 399.0));
        assertEquals(1, env.trial().getInt("ground_truth"));
    }
}
