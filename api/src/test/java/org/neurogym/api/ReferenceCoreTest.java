package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.timing.Timing;

/** The reference's core checks (test_core.py), ported to the Java machinery. */
class ReferenceCoreTest {

    /** Fixation then go; the observation flags the current period; action 0 pays in fixation, 1 in go. */
    static final class PeriodFlagTask extends TrialEnv {
        PeriodFlagTask() {
            super(100);
            defineTiming(null, "fixation", 100, "go", 100);
            defineSpaces(Box.unbounded(2, Channel.of("fixation", 0), Channel.of("go", 1)), new Discrete(2));
        }

        @Override
        protected void onNewTrial(Trial trial) {
            addPeriods("fixation", "go");
            addOb(1, "fixation", "fixation");
            addOb(1, "go", "go");
        }

        @Override
        protected void onStep(int action, StepResult out) {
            int wanted = inPeriod("fixation") ? 0 : 1;
            out.setReward(action == wanted ? 1 : 0);
        }
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    @Test
    void actingOnTheObservationIsRewardedOnEveryStep() {
        PeriodFlagTask env = new PeriodFlagTask();
        float[] ob = env.reset(0);
        int trialsEnded = 0;
        for (int i = 0; i < 10; i++) {
            StepResult r = env.step(argmax(ob));
            // the reference only checks i > 0 because its reset takes a step; ours returns row 0
            assertEquals(1.0, r.reward(), "step " + i);
            if (r.newTrial()) trialsEnded++;
            ob = r.observation();
        }
        assertEquals(5, trialsEnded, "two-step trials");
    }

    @Test
    void actingOnAStaleObservationWouldBeWrong() {
        // the same task, acting on the observation of the step before: the mismatch this port guards against
        PeriodFlagTask env = new PeriodFlagTask();
        float[] ob = env.reset(0).clone();
        float[] previous = ob.clone();
        int unrewarded = 0;
        for (int i = 0; i < 10; i++) {
            StepResult r = env.step(argmax(previous));
            if (r.reward() == 0) unrewarded++;
            previous = ob;
            ob = r.observation().clone();
        }
        assertTrue(unrewarded > 0);
    }

    @Test
    void addObInsideStepAccumulatesWithinTheTrial() {
        ToyTask env = new ToyTask(100, Box.unbounded(1), new Discrete(3), "go", 500)
                .onTrial((t, trial) -> {
                    t.addPeriod("go");
                    t.addOb(1, null);
                })
                .onStep((t, action, out) -> t.addOb(1, null));
        float[] first = env.reset(0);
        assertEquals(1f, first[0]);
        for (int i = 0; i < 10; i++) {
            StepResult r = env.step(0);
            assertEquals((i + 1) % 5 + 1, r.observation()[0], "step " + i);
            assertEquals((i + 1) % 5 == 0, r.newTrial(), "step " + i);
        }
    }

    // ---------------------------------------------------------------- trial length stats

    /** Adds the declared periods one after the other and observes 1 throughout. */
    private static ToyTask sequence(Object... timing) {
        return new ToyTask(100, Box.unbounded(1), new Discrete(2), timing).onTrial((t, trial) -> {
            String[] periods = t.timing().keySet().toArray(new String[0]);
            t.addPeriods(periods);
            t.addOb(1, null);
        });
    }

    private static double expectedMeanSteps(TrialEnv env) {
        double sum = 0;
        for (Timing t : env.timing().values()) sum += t.meanSteps(env.dt());
        return sum;
    }

    @Test
    void fixedTimingGivesExactStats() {
        ToyTask env = sequence("fixation", 300, "stimulus", 500, "decision", 200);
        TrialLengthStats s = env.trialLengthStats(200);
        assertEquals(200, s.trials());
        assertEquals(10.0, s.mean());
        assertEquals(0.0, s.std());
        assertEquals(10.0, s.p95());
        assertEquals(10, s.max());
        assertEquals(10.0, expectedMeanSteps(env));
    }

    @Test
    void uniformTimingStats() {
        // floor(U(400, 600) / 100) is 4 or 5 with equal chance: 3 + 4.5 + 2 steps on average
        ToyTask env = sequence("fixation", 300, "stimulus", List.of("uniform", List.of(400, 600)), "decision", 200);
        assertEquals(9.5, expectedMeanSteps(env), 1e-12);
        TrialLengthStats s = env.trialLengthStats(4000, 1);
        assertEquals(9.5, s.mean(), 0.05);
        assertEquals(0.5, s.std(), 0.02);
        assertEquals(10, s.max());
        assertEquals(10.0, s.p95());
    }

    @Test
    void choiceTimingStats() {
        ToyTask env = sequence("fixation", 300, "stimulus", List.of("choice", List.of(300, 400, 500)), "decision", 200);
        assertEquals(9.0, expectedMeanSteps(env), 1e-12);
        TrialLengthStats s = env.trialLengthStats(4000, 2);
        assertEquals(9.0, s.mean(), 0.05);
        assertEquals(Math.sqrt(2.0 / 3.0), s.std(), 0.03);
        assertEquals(10, s.max());
    }

    @Test
    void truncatedExponentialTimingStats() {
        ToyTask env = sequence("fixation", 300,
                "stimulus", List.of("truncated_exponential", List.of(400, 100, 500)), "decision", 200);
        // E[floor(X/100)] = sum over k >= 1 of P(X >= 100k), X ~ Exp(mean 400) restricted to [100, 500)
        double norm = Math.exp(-0.25) - Math.exp(-1.25);
        double hand = 1
                + (Math.exp(-0.5) - Math.exp(-1.25)) / norm
                + (Math.exp(-0.75) - Math.exp(-1.25)) / norm
                + (Math.exp(-1.0) - Math.exp(-1.25)) / norm;
        assertEquals(5 + hand, expectedMeanSteps(env), 1e-9);
        TrialLengthStats s = env.trialLengthStats(4000, 3);
        assertEquals(5 + hand, s.mean(), 0.06);
        assertTrue(s.max() <= 9, "stimulus is shorter than 500 ms");
        assertTrue(s.std() > 0.5 && s.std() < 1.5, "std " + s.std());
    }

    @Test
    void aTaskWithoutPeriodsIsAnError() {
        ToyTask env = sequence();
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.trialLengthStats(10));
        assertTrue(e.getMessage().contains("no duration"), e.getMessage());
        assertThrows(NeuroGymException.class, () -> env.reset(0));
    }

    @Test
    void trialLengthStatsNeedsAPositiveCount() {
        ToyTask env = sequence("go", 100);
        assertThrows(IllegalArgumentException.class, () -> env.trialLengthStats(0));
    }

    @Test
    void trialLengthStatsIsReproducibleForASeedAndVariesAcrossSeeds() {
        ToyTask env = sequence("go", List.of("uniform", List.of(100, 5000)));
        assertEquals(env.trialLengthStats(300, 5), env.trialLengthStats(300, 5));
        assertFalse(env.trialLengthStats(300, 5).equals(env.trialLengthStats(300, 6)));
    }

    @Test
    void trialLengthStatsLeavesNoCurrentTrial() {
        ToyTask env = sequence("go", 100);
        env.reset(0);
        env.trialLengthStats(5);
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void lengthStatsOfGivenLengthsMatchNumpyConventions() {
        int[] lengths = new int[20];
        for (int i = 0; i < 20; i++) lengths[i] = 20 - i; // 20..1, unsorted on purpose
        TrialLengthStats s = TrialLengthStats.of(lengths);
        assertEquals(20, s.trials());
        assertEquals(10.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(399.0 / 12.0), s.std(), 1e-12); // population std
        assertEquals(19.05, s.p95(), 1e-9); // linear interpolation
        assertEquals(20, s.max());
        TrialLengthStats one = TrialLengthStats.of(new int[] {7});
        assertEquals(new TrialLengthStats(1, 7, 0, 7, 7), one);
    }

    @Test
    void trialFactsOfTheReferenceShapeAreAMap() {
        ToyTask env = sequence("go", 100);
        env.reset(0);
        assertEquals(Map.of(), env.trial().asMap());
        List<String> periods = new ArrayList<>(env.periods());
        assertEquals(List.of("go"), periods);
    }

    @Test
    void statsOfNoTrialsAreAClearError() {
        assertThrows(IllegalArgumentException.class, () -> TrialLengthStats.of(new int[0]));
    }
}
