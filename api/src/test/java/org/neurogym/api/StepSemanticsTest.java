package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/** The order of one step: judge, record ground truth, advance, time out, report, next trial, next observation. */
class StepSemanticsTest {

    /**
     * Fixation (2 steps, ground truth 0) then decision (1 step, ground truth 1). Row t of the
     * observation is [t + 1, trial number]. Action 1 in decision is correct (performance 1) but
     * does not end the trial: it times out. Action 2 ends the trial at once.
     */
    static ToyTask threeStepTask() {
        return new ToyTask(100, Box.unbounded(2), new Discrete(3), "fixation", 200, "decision", 100)
                .withTimeoutReward(-0.5)
                .onTrial((t, trial) -> {
                    t.addPeriods("fixation", "decision");
                    float[] ob = t.ob();
                    for (int s = 0; s < t.trialLength(); s++) {
                        ob[s * 2] = s + 1;
                        ob[s * 2 + 1] = t.trialCount() + 1;
                    }
                    t.setGroundTruth(1, "decision");
                })
                .onStep((t, action, out) -> {
                    if (action == 2) {
                        out.setNewTrial(true);
                        out.setReward(0.25);
                    } else if (t.inPeriod("decision") && action == 1) {
                        t.performance = 1;
                    }
                });
    }

    @Test
    void aTrialThatRunsOutOfTimeEndsWithRTmax() {
        ToyTask env = threeStepTask();
        env.reset(0);
        StepResult r = env.step(0);
        assertFalse(r.newTrial());
        assertEquals(0.0, r.reward());
        r = env.step(0);
        assertFalse(r.newTrial());
        r = env.step(0);
        assertTrue(r.newTrial(), "third step times out");
        assertEquals(-0.5, r.reward());
        assertEquals(0.0, r.performance());
    }

    @Test
    void aTrialEndedByTheTaskGetsNoRTmax() {
        ToyTask env = threeStepTask();
        env.reset(0);
        StepResult r = env.step(2);
        assertTrue(r.newTrial());
        assertEquals(0.25, r.reward());
        assertArrayEquals(new float[] {1, 2}, r.observation(), "row 0 of trial 2");
        assertEquals(0, env.stepIndex());
    }

    @Test
    void theTimeoutHookAddsToTheTasksRewardOnTheTimeoutStep() {
        ToyTask env = threeStepTask().onStep((t, action, out) -> out.setReward(1));
        env.reset(0);
        env.step(0);
        env.step(0);
        assertEquals(0.5, env.step(0).reward());
    }

    @Test
    void theTimeoutHookJudgesOnlyTrialsThatRunOutOfTimeAndItsPerformanceIsReported() {
        int[] calls = {0};
        ToyTask env = threeStepTask().onTimeoutDo((t, out) -> {
            calls[0]++;
            assertEquals(t.trialLength(), t.stepIndex(), "called after the last step, before the next trial");
            t.performance = 1; // a withheld response that is correct
        });
        env.reset(0);
        env.step(0);
        env.step(0);
        StepResult r = env.step(0); // withheld to the end
        assertTrue(r.newTrial());
        assertEquals(1.0, r.performance());
        assertEquals(1, calls[0]);
        r = env.step(2); // the task ends this trial itself: no timeout
        assertTrue(r.newTrial());
        assertEquals(0.0, r.performance());
        assertEquals(1, calls[0]);
    }

    @Test
    void aDiscreteTaskThatDoesNotJudgeItsActionsFailsAtConstructionNamingTheMethod() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TrialEnv(100) {
            {
                defineSpaces(Box.unbounded(1), new Discrete(2));
            }

            @Override
            protected void onNewTrial(Trial trial) {
                addPeriod("all", 100);
            }
        });
        assertTrue(e.getMessage().contains("onStep(int action, StepResult out)"), e.getMessage());
    }

    @Test
    void aContinuousTaskThatDoesNotJudgeItsActionsFailsAtConstructionNamingTheMethod() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TrialEnv(100) {
            {
                defineSpaces(Box.unbounded(1), Box.unbounded(2));
            }

            @Override
            protected void onNewTrial(Trial trial) {
                addPeriod("all", 100);
            }

            @Override
            protected void onStep(int action, StepResult out) {}
        });
        assertTrue(e.getMessage().contains("onStep(float[] action, StepResult out)"), e.getMessage());
    }

    @Test
    void performanceIsReportedOnTheEndingStepAndResetAfterwards() {
        ToyTask env = threeStepTask();
        env.reset(0);
        env.step(0);
        env.step(0);
        StepResult r = env.step(1); // correct, then timeout
        assertTrue(r.newTrial());
        assertEquals(1.0, r.performance());
        env.step(0);
        env.step(0);
        r = env.step(0); // wrong: performance must not carry over
        assertTrue(r.newTrial());
        assertEquals(0.0, r.performance());
        r = env.step(2); // aborted at once
        assertEquals(0.0, r.performance());
    }

    @Test
    void performanceIsZeroOnStepsThatDoNotEndATrial() {
        ToyTask env = threeStepTask();
        env.reset(0);
        env.step(0);
        env.step(0);
        StepResult r = env.step(1);
        assertEquals(1.0, r.performance());
        assertEquals(0.0, env.step(0).performance(), "cleared at the next step");
    }

    @Test
    void theObservationReturnedIsTheNextSteps() {
        ToyTask env = threeStepTask();
        assertArrayEquals(new float[] {1, 1}, env.reset(0), "row 0 of trial 1");
        assertArrayEquals(new float[] {2, 1}, env.step(0).observation());
        assertArrayEquals(new float[] {3, 1}, env.step(0).observation());
        StepResult end = env.step(0);
        assertTrue(end.newTrial());
        assertArrayEquals(new float[] {1, 2}, end.observation(), "after an ending step: row 0 of the new trial");
        assertArrayEquals(new float[] {2, 2}, env.step(0).observation());
    }

    @Test
    void groundTruthIsReportedForTheStepJustTaken() {
        ToyTask env = threeStepTask();
        env.reset(0);
        List<Integer> gts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            StepResult r = env.step(0);
            assertTrue(r.hasGroundTruth());
            gts.add(r.groundTruth());
        }
        assertEquals(List.of(0, 0, 1, 0, 0, 1, 0, 0, 1), gts);
    }

    @Test
    void aTaskWithoutGroundTruthReportsNone() {
        ToyTask env = new ToyTask(100, Box.unbounded(1), new Discrete(2), "go", 300)
                .onTrial((t, trial) -> t.addPeriod("go"));
        env.reset(0);
        assertFalse(env.step(0).hasGroundTruth());
        assertFalse(env.hasGroundTruth());
    }

    @Test
    void aGroundTruthSetByTheTaskDuringTheStepWins() {
        ToyTask env = threeStepTask().onStep((t, action, out) -> out.setGroundTruth(2));
        env.reset(0);
        assertEquals(2, env.step(0).groundTruth());
    }

    @Test
    void theEndingStepCarriesTheNextTrialsFacts() {
        ToyTask env = new ToyTask(100, Box.unbounded(1), new Discrete(2), "go", 100)
                .onTrial((t, trial) -> {
                    trial.setDefault("index", t.trialCount());
                    t.addPeriod("go");
                });
        env.reset(0);
        assertEquals(0, env.trial().getInt("index"));
        assertEquals(1, env.trialCount());
        StepResult r = env.step(0);
        assertTrue(r.newTrial());
        assertNotNull(r.trial());
        assertSame(env.trial(), r.trial());
        assertEquals(1, r.trial().getInt("index"));
        assertEquals(2, env.trialCount());
        env.reset(1);
        assertEquals(1, env.trialCount(), "reset restarts the count");
    }

    @Test
    void stepsWithinATrialCarryNoTrial() {
        ToyTask env = threeStepTask();
        env.reset(0);
        StepResult r = env.step(0);
        assertNull(r.trial());
        assertEquals(1, env.stepIndex());
    }

    @Test
    void actionsOutsideTheDiscreteSpaceAreRejected() {
        ToyTask env = threeStepTask();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(3));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {1f}));
        assertEquals(0, env.stepIndex(), "a rejected action takes no step");
    }

    @Test
    void actionsOfTheWrongShapeAreRejectedByABoxTask() {
        ToyTask env = new ToyTask(100, Box.unbounded(1), Box.of(2, -1, 1), "go", 300)
                .onTrial((t, trial) -> t.addPeriod("go"));
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(0));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f, 0f, 0f}));
        assertThrows(InvalidActionException.class, () -> env.step((float[]) null));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN, 0f}));
        assertFalse(env.step(new float[] {0.5f, -0.5f}).newTrial());
    }

    @Test
    void aBoxTaskReportsVectorGroundTruth() {
        ToyTask env = new ToyTask(100, Box.unbounded(1), Box.of(2, -1, 1), "a", 100, "b", 100)
                .onTrial((t, trial) -> {
                    t.addPeriods("a", "b");
                    t.setGroundTruth(new double[] {0.5, 0.25}, "b");
                });
        env.reset(0);
        StepResult r = env.step(new float[] {0, 0});
        assertTrue(r.hasGroundTruth());
        assertArrayEquals(new float[] {0, 0}, r.groundTruthVector());
        r = env.step(new float[] {0, 0});
        assertArrayEquals(new float[] {0.5f, 0.25f}, r.groundTruthVector());
        assertTrue(r.newTrial());
    }

    @Test
    void steppingBeforeResetIsAnError() {
        ToyTask env = threeStepTask();
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> env.step(0));
        assertFalse(e instanceof InvalidActionException);
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        ToyTask box = new ToyTask(100, Box.unbounded(1), Box.of(1, -1, 1), "go", 100)
                .onTrial((t, trial) -> t.addPeriod("go"));
        assertThrows(NeuroGymException.class, () -> box.step(new float[] {0}));
    }

    @Test
    void aTaskThatDeclaresNoSpacesIsReported() {
        TrialEnv env = new TrialEnv(100) {
            @Override
            protected void onNewTrial(Trial trial) {}
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.reset(0));
        assertTrue(e.getMessage().contains("defineSpaces"), e.getMessage());
    }

    @Test
    void dtMustBePositive() {
        assertThrows(NeuroGymException.class, () -> new ToyTask(0, Box.unbounded(1), new Discrete(2)));
        assertThrows(NeuroGymException.class, () -> new ToyTask(-10, Box.unbounded(1), new Discrete(2)));
        assertThrows(NeuroGymException.class, () -> new ToyTask(Double.NaN, Box.unbounded(1), new Discrete(2)));
    }

    // ---------------------------------------------------------------- imposed trial facts

    static ToyTask factTask() {
        return new ToyTask(100, Box.unbounded(2), new Discrete(3, Channel.range("choice", 1, 3)), "decision", 100)
                .onTrial((t, trial) -> {
                    int gt = trial.setDefault("ground_truth", t.rng.integer(2));
                    trial.setDefault("coh", t.rng.uniform());
                    t.addPeriod("decision");
                    t.addRandn(0, 1, null);
                    t.setGroundTruth(gt, "decision", "choice");
                });
    }

    @Test
    void imposedFactsWinAndTheRandomStreamStaysAligned() {
        ToyTask imposed = factTask();
        ToyTask drawn = factTask();
        imposed.reset(9);
        drawn.reset(9);
        List<Map<String, Object>> a = new ArrayList<>();
        List<Map<String, Object>> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Trial ti = imposed.newTrial(Map.of("ground_truth", 1));
            Trial td = drawn.newTrial(Map.of());
            assertEquals(1, ti.getInt("ground_truth"));
            assertEquals(2, imposed.trialGroundTruth()[0], "choice 1 is action 2");
            assertEquals(td.getDouble("coh"), ti.getDouble("coh"), "the draw after the imposed one");
            assertArrayEquals(drawn.row(0), imposed.row(0), "noise after the imposed draw");
            a.add(ti.asMap());
            b.add(td.asMap());
        }
        long drawnOnes = b.stream().filter(m -> m.get("ground_truth").equals(1)).count();
        assertTrue(drawnOnes > 0 && drawnOnes < 20, "the drawn side varies");
        // afterwards both envs draw the same trial
        assertEquals(drawn.newTrial(Map.of()).asMap(), imposed.newTrial(Map.of()).asMap());
    }

    @Test
    void imposedFactsAcceptTomlNumbers() {
        ToyTask env = factTask();
        env.reset(0);
        Trial t = env.newTrial(Map.of("ground_truth", 1L, "coh", 2));
        assertEquals(1, t.getInt("ground_truth"));
        assertEquals(2.0, t.getDouble("coh"));
        assertThrows(NeuroGymException.class, () -> env.newTrial(Map.of("ground_truth", "left")));
    }

    @Test
    void trialFacts() {
        Trial t = new Trial(Map.of("a", 3));
        assertEquals(3, t.setDefault("a", 5));
        assertEquals(5, t.setDefault("b", 5));
        assertEquals("x", t.setDefault("c", "x"));
        assertEquals(1, new Trial(Map.of("flag", true)).getInt("flag"));
        assertTrue(t.has("b"));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> t.getInt("missing"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> t.asMap().put("z", 1));
    }

    @Test
    void stepResultClearResetsEveryFieldButTheObservation() {
        StepResult r = new StepResult(2, 0);
        r.observation()[0] = 4;
        r.setReward(1);
        r.setNewTrial(true);
        r.setGroundTruth(2);
        r.setPerformance(1);
        r.setTerminated(true);
        r.setTruncated(true);
        r.provideObservation();
        r.info().put("k", 1);
        r.clear();
        assertEquals(0, r.reward());
        assertFalse(r.newTrial() || r.hasGroundTruth() || r.terminated() || r.truncated() || r.observationProvided());
        assertEquals(0, r.performance());
        assertTrue(r.infoIfAny().isEmpty());
        assertEquals(4f, r.observation()[0]);
        assertNull(r.groundTruthVector());
    }

    @Test
    void aTaskMayProvideTheObservationItself() {
        ToyTask env = threeStepTask().onStep((t, action, out) -> {
            out.observation()[0] = 42;
            out.observation()[1] = 43;
            out.provideObservation();
        });
        env.reset(0);
        assertArrayEquals(new float[] {42, 43}, env.step(0).observation());
        assertArrayEquals(new float[] {42, 43}, env.step(0).observation());
    }

    @Test
    void copyFromCopiesEveryField() {
        StepResult src = new StepResult(2, 0);
        src.observation()[1] = 3;
        src.setReward(0.5);
        src.setNewTrial(true);
        src.setGroundTruth(1);
        src.setPerformance(1);
        Trial t = new Trial();
        src.setTrial(t);
        src.info().put("a", 1);
        StepResult dst = new StepResult(2, 0);
        dst.copyFrom(src);
        assertEquals(3f, dst.observation()[1]);
        assertEquals(0.5, dst.reward());
        assertTrue(dst.newTrial() && dst.hasGroundTruth());
        assertEquals(1, dst.groundTruth());
        assertEquals(1.0, dst.performance());
        assertSame(t, dst.trial());
        assertEquals(Map.of("a", 1), dst.info());
        src.clear();
        dst.copyFrom(src);
        assertTrue(dst.infoIfAny().isEmpty(), "an empty info empties the copy");
    }

    @Test
    void copyFromReplacesInfoEntries() {
        StepResult first = new StepResult(1, 0);
        first.info().put("a", 1);
        StepResult second = new StepResult(1, 0);
        second.info().put("b", 2);
        StepResult dst = new StepResult(1, 0);
        dst.copyFrom(first);
        dst.copyFrom(second);
        assertEquals(Map.of("b", 2), dst.info());
    }
}
