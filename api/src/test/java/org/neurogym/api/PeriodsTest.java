package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.timing.Timing;

/** Adding periods: after, before, at, in sequence; flooring to dt; 'until'; inPeriod. */
class PeriodsTest {

    private static ToyTask task(ToyTask.TrialBody body, Object... timing) {
        return new ToyTask(100, Box.unbounded(1), new Discrete(2), timing).onTrial(body);
    }

    private static void assertPeriod(TrialEnv env, String period, int start, int end) {
        assertEquals(start, env.periodStart(period), period + " start");
        assertEquals(end, env.periodEnd(period), period + " end");
    }

    @Test
    void addPeriodAfterStartsWhenTheOtherEnds() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("a");
            t.addPeriodAfter("b", "a");
            t.addPeriodAfter("c", "a", 150);
        }, "a", 300, "b", 200, "c", 999);
        env.reset(0);
        assertPeriod(env, "a", 0, 3);
        assertPeriod(env, "b", 3, 5);
        assertPeriod(env, "c", 3, 4);
        assertEquals(5, env.trialLength());
        assertEquals(List.of("a", "b", "c"), env.periods());
    }

    @Test
    void addPeriodBeforeEndsWhenTheOtherStarts() {
        ToyTask env = task((t, trial) -> {
            t.addPeriodAt("b", 500);
            t.addPeriodBefore("a", "b");
        }, "a", 200, "b", 200);
        env.reset(0);
        assertPeriod(env, "b", 5, 7);
        assertPeriod(env, "a", 3, 5);
        assertEquals(7, env.trialLength());
    }

    @Test
    void addPeriodBeforeTheTrialStartIsAnError() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("b");
            t.addPeriodBefore("a", "b");
        }, "a", 200, "b", 200);
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void addPeriodAtFloorsTheStart() {
        ToyTask env = task((t, trial) -> t.addPeriodAt("x", 250), "x", 100);
        env.reset(0);
        assertPeriod(env, "x", 2, 3);
        assertEquals(3, env.trialLength(), "the trial starts at 0 even if nothing covers the first steps");
    }

    @Test
    void addPeriodsWithDurationsPlacesThemInSequence() {
        ToyTask env = task((t, trial) -> t.addPeriods(new String[] {"p", "q", "r"}, new double[] {150, 240, 300}),
                "unused", 100);
        env.reset(0);
        assertPeriod(env, "p", 0, 1);
        assertPeriod(env, "q", 1, 3);
        assertPeriod(env, "r", 3, 6);
        assertEquals(6, env.trialLength());
        assertEquals(List.of("p", "q", "r"), env.periods());
    }

    @Test
    void addPeriodsNeedsOneDurationPerPeriod() {
        ToyTask env = task((t, trial) -> t.addPeriods(new String[] {"p", "q"}, new double[] {100}), "unused", 100);
        assertThrows(IllegalArgumentException.class, () -> env.reset(0));
    }

    @Test
    void durationsAreFlooredToDt() {
        List<Double> sampled = new ArrayList<>();
        ToyTask env = task((t, trial) -> {
            sampled.add(t.sampleTime("b"));
            t.addPeriods("a", "b");
            t.addPeriod("c", 99);
        }, "a", 299, "b", 199.9);
        env.reset(0);
        assertPeriod(env, "a", 0, 2);
        assertPeriod(env, "b", 2, 3);
        assertPeriod(env, "c", 0, 0);
        assertEquals(List.of(100.0), sampled);
        assertEquals(200.0, env.endTime("a"));
        assertEquals(200.0, env.startTime("b"));
    }

    @Test
    void aNegativeOrInfiniteDurationIsAnError() {
        ToyTask env = task((t, trial) -> t.addPeriod("a", -100), "a", 100);
        assertThrows(NeuroGymException.class, () -> env.reset(0));
        ToyTask inf = task((t, trial) -> t.addPeriod("a", Double.POSITIVE_INFINITY), "a", 100);
        assertThrows(NeuroGymException.class, () -> inf.reset(0));
    }

    @Test
    void aPeriodWithoutTimingIsAnErrorNamingIt() {
        ToyTask env = task((t, trial) -> t.addPeriod("delay"), "fixation", 100);
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("'delay'"), e.getMessage());
    }

    @Test
    void aTrialOfZeroLengthIsAnError() {
        ToyTask env = task((t, trial) -> t.addPeriod("a"), "a", 0);
        assertThrows(NeuroGymException.class, () -> env.reset(0));
    }

    @Test
    void aDtLongerThanEveryPeriodIsAParameterErrorNamingDtAndThePeriod() {
        ParameterException e = assertThrows(ParameterException.class, () -> task((t, trial) -> t.addPeriod("a"), "a", 50));
        assertEquals("dt", e.key());
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("dt 100 ms"), e.getMessage());
        // one period shorter than dt is floored to nothing, as in the reference; a period that may be longer in some trials fits
        task((t, trial) -> t.addPeriod("a"), "a", 50, "b", 200);
        task((t, trial) -> t.addPeriod("a"), "a", Timing.choice(50, 200));
        task((t, trial) -> t.addPeriod("a"), "a", new Timing.TruncatedExponential(20));
    }

    @Test
    void aPeriodOfTooManyStepsIsAParameterErrorBeforeAnyTrial() {
        ParameterException huge = assertThrows(ParameterException.class, () -> task((t, trial) -> t.addPeriod("a"), "a", 1e12));
        assertEquals("dt", huge.key(), "a default timing: dt is what the caller gave");
        assertTrue(huge.getMessage().contains("'a'"), huge.getMessage());
        ParameterException tiny = assertThrows(ParameterException.class,
                () -> new ToyTask(1e-300, Box.unbounded(1), new Discrete(2), new Object[] {"a", 100}));
        assertEquals("dt", tiny.key());
    }

    @Test
    void inPeriodIsFalseForAPeriodAbsentFromThisTrial() {
        // odd trials have a delay; even ones do not
        List<String> seen = new ArrayList<>();
        ToyTask env = task((t, trial) -> {
            t.addPeriod("a");
            if (t.trialCount() % 2 == 0) t.addPeriodAfter("delay", "a");
        }, "a", 100, "delay", 100);
        env.onStep((t, action, out) -> seen.add((t.inPeriod("a") ? "a" : "") + (t.inPeriod("delay") ? "delay" : "")
                + (t.inPeriod("never") ? "never" : "")));
        env.reset(0);
        assertTrue(env.hasPeriod("delay"));
        for (int i = 0; i < 5; i++) env.step(0);
        // trial 1: a, delay; trial 2: a; trial 3: a, delay; now in trial 4: a
        assertEquals(List.of("a", "delay", "a", "a", "delay"), seen);
        assertFalse(env.hasPeriod("delay"));
        assertEquals(List.of("a"), env.periods());
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.periodStart("delay"));
        assertTrue(e.getMessage().contains("'delay'"), e.getMessage());
    }

    @Test
    void inPeriodAtAGivenStep() {
        List<Boolean> flags = new ArrayList<>();
        ToyTask env = task((t, trial) -> {
            t.addPeriods("a", "b");
            for (int s = 0; s < 5; s++) flags.add(t.inPeriod("b", s));
        }, "a", 200, "b", 200);
        env.reset(0);
        assertEquals(List.of(false, false, true, true, false), flags);
    }

    @Test
    void untilIsMeasuredFromThePeriodsStart() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("fixation");
            t.addPeriodAt("stimulus", 300); // a gap after fixation: [2, 3) is uncovered
        }, "fixation", 200, "stimulus", java.util.List.of("until", 700));
        env.reset(0);
        assertPeriod(env, "stimulus", 3, 7);
        assertEquals(7, env.trialLength());
    }

    @Test
    void untilAfterAnotherPeriodEndsAtTheGivenTime() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("fixation");
            t.addPeriodAfter("stimulus", "fixation");
            t.addPeriodAfter("decision", "stimulus");
        }, "fixation", List.of("choice", List.of(100, 300)), "stimulus", List.of("until", 800), "decision", 100);
        for (int seed = 0; seed < 10; seed++) {
            env.reset(seed);
            assertEquals(8, env.periodEnd("stimulus"));
            assertEquals(9, env.trialLength());
        }
    }

    @Test
    void untilBeforeThePeriodStartsIsAnError() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("fixation");
            t.addPeriodAfter("stimulus", "fixation");
        }, "fixation", 500, "stimulus", List.of("until", 300));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("stimulus"), e.getMessage());
    }

    @Test
    void addingAPeriodAfterWritingObservationsIsAnError() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("a");
            t.addOb(1, "a");
            t.addPeriodAfter("b", "a");
        }, "a", 100, "b", 100);
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void addingAPeriodAfterSettingGroundTruthIsAnError() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("a");
            t.setGroundTruth(1, "a");
            t.addPeriod("b");
        }, "a", 100, "b", 100);
        assertThrows(NeuroGymException.class, () -> env.reset(0));
    }

    @Test
    void addingAPeriodAfterTouchingTheObservationMatrixIsAnError() {
        ToyTask env = task((t, trial) -> {
            t.addPeriod("a");
            t.ob();
            t.addPeriod("b");
        }, "a", 100, "b", 100);
        assertThrows(NeuroGymException.class, () -> env.reset(0));
    }

    @Test
    void periodsFromTheTimingTableInDeclarationOrder() {
        ToyTask env = task((t, trial) -> t.addPeriods("a", "b", "c"), "a", 100, "b", 200, "c", 300);
        env.reset(0);
        assertPeriod(env, "a", 0, 1);
        assertPeriod(env, "b", 1, 3);
        assertPeriod(env, "c", 3, 6);
    }

    @Test
    void manyPeriodsFitInOneTrial() {
        Object[] timing = new Object[40];
        String[] names = new String[20];
        for (int i = 0; i < 20; i++) {
            names[i] = "p" + i;
            timing[2 * i] = names[i];
            timing[2 * i + 1] = 100;
        }
        ToyTask env = task((t, trial) -> t.addPeriods(names), timing);
        env.reset(0);
        assertEquals(20, env.trialLength());
        assertPeriod(env, "p19", 19, 20);
        assertEquals(20, env.periods().size());
    }

    @Test
    void addPeriodAtStepPlacesAPeriodExactly() {
        ToyTask env = task((t, trial) -> {
            t.addPeriodAtStep("a", 0, 3);
            t.addPeriodAtStep("b", 3, 2);
            t.addPeriodAtStep("empty", 5, 0);
        }, "unused", 100);
        env.reset(0);
        assertPeriod(env, "a", 0, 3);
        assertPeriod(env, "b", 3, 5);
        assertPeriod(env, "empty", 5, 5);
        assertEquals(5, env.trialLength());
        ToyTask negative = task((t, trial) -> t.addPeriodAtStep("a", 0, -1), "unused", 100);
        assertTrue(assertThrows(NeuroGymException.class, () -> negative.reset(0)).getMessage().contains("'a'"));
        ToyTask before = task((t, trial) -> t.addPeriodAtStep("a", -1, 2), "unused", 100);
        assertThrows(NeuroGymException.class, () -> before.reset(0));
    }
}
