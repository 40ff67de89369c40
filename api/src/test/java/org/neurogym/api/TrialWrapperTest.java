package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;

/** A trial wrapper becomes the maker of every trial of the task under it. */
class TrialWrapperTest {

    /** Imposes ground_truth = 1 on every trial and counts the trials it made. */
    static final class AlwaysOne extends TrialWrapper {
        int made;

        AlwaysOne(Env env) {
            super(env);
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            made++;
            Map<String, Object> imposed = new HashMap<>(kwargs);
            imposed.put("ground_truth", 1);
            return trialEnv.newTrial(imposed);
        }
    }

    /** Records the order in which nested wrappers are asked for a trial. */
    static final class Tagging extends TrialWrapper {
        final String tag;
        final List<String> log;

        Tagging(Env env, String tag, List<String> log) {
            super(env);
            this.tag = tag;
            this.log = log;
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            log.add(tag);
            return trialEnv.newTrial(kwargs);
        }
    }

    /** A wrapper that changes nothing. */
    static final class Plain extends Wrapper {
        Plain(Env env) {
            super(env);
        }
    }

    /** An env that is not trial based. */
    static final class Bare implements Env {
        @Override public Space observationSpace() { return Box.unbounded(1); }
        @Override public Space actionSpace() { return new Discrete(2); }
        @Override public double dt() { return 100; }
        @Override public float[] reset(long seed) { return new float[1]; }
        @Override public float[] reset() { return new float[1]; }
        @Override public StepResult step(int action) { return new StepResult(1, 0); }
        @Override public StepResult step(float[] action) { return new StepResult(1, 0); }
    }

    @Test
    void theWrappersTrialIsUsedForResetAndForEveryTrialStartedByStep() {
        ToyTask task = StepSemanticsTest.factTask();
        AlwaysOne env = new AlwaysOne(task);
        env.reset(3);
        assertEquals(1, env.trial().getInt("ground_truth"));
        int trials = 1;
        for (int i = 0; i < 40; i++) {
            StepResult r = env.step(0);
            assertTrue(r.newTrial(), "one-step trials");
            assertEquals(1, r.trial().getInt("ground_truth"));
            assertEquals(2, r.groundTruth(), "the trial just finished had choice 1 = action 2");
            assertEquals(2, task.trialGroundTruth()[0]);
            trials++;
        }
        assertEquals(trials, env.made);
        assertEquals(trials, task.trialCount());
    }

    @Test
    void withoutTheWrapperTheSameTaskDrawsBothSides() {
        ToyTask task = StepSemanticsTest.factTask();
        task.reset(3);
        int ones = 0;
        for (int i = 0; i < 40; i++) if (task.step(0).trial().getInt("ground_truth") == 1) ones++;
        assertTrue(ones > 0 && ones < 40, "ones " + ones);
    }

    @Test
    void theWrapperWorksThroughAPlainWrapperAndUnderOne() {
        ToyTask task = StepSemanticsTest.factTask();
        AlwaysOne trialWrapper = new AlwaysOne(new Plain(task));
        Env outer = new Plain(trialWrapper);
        outer.reset(5);
        for (int i = 0; i < 10; i++) assertEquals(1, outer.step(0).trial().getInt("ground_truth"));
        assertEquals(11, trialWrapper.made);
        assertSame(task, outer.unwrapped());
        assertSame(task, trialWrapper.task());
    }

    @Test
    void theOutermostTrialWrapperIsAskedFirst() {
        List<String> log = new ArrayList<>();
        ToyTask task = StepSemanticsTest.factTask();
        Tagging inner = new Tagging(task, "inner", log);
        Tagging outer = new Tagging(inner, "outer", log);
        outer.reset(0);
        outer.step(0);
        assertEquals(List.of("outer", "inner", "outer", "inner"), log);
    }

    @Test
    void aTrialWrapperReportsTheTasksTrialMatrices() {
        ToyTask task = StepSemanticsTest.threeStepTask();
        AlwaysOne env = new AlwaysOne(task);
        env.reset(0);
        env.step(0);
        assertEquals(task.stepIndex(), env.stepIndex());
        assertEquals(task.trialLength(), env.trialLength());
        assertSame(task.trialObservations(), env.trialObservations());
        assertSame(task.trialGroundTruth(), env.trialGroundTruth());
        assertSame(task.trial(), env.trial());
        assertEquals(task.hasGroundTruth(), env.hasGroundTruth());
        assertEquals(100.0, env.dt());
        assertSame(task.actionSpace(), env.actionSpace());
        assertEquals("ToyTask", env.name());
    }

    @Test
    void aTrialWrapperNeedsATrialBasedTask() {
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> new AlwaysOne(new Plain(new Bare())));
        assertTrue(e.getMessage().contains("Bare"), e.getMessage());
    }

    @Test
    void aWrapperNeedsAnEnv() {
        assertThrows(IllegalArgumentException.class, () -> new Plain(null));
    }

    /** Adds 10 to every observation of each trial, as a noise wrapper would. */
    static final class Shift extends TrialWrapper {
        Shift(Env env) {
            super(env);
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            Trial t = trialEnv.newTrial(kwargs);
            float[] ob = trialEnv.trialObservations();
            int n = trialEnv.trialLength() * ((Box) observationSpace()).size();
            for (int i = 0; i < n; i++) ob[i] += 10;
            return t;
        }
    }

    @Test
    void observationsChangedByTheWrapperAreWhatSteppingReturns() {
        ToyTask task = StepSemanticsTest.threeStepTask();
        Shift env = new Shift(task);
        assertArrayEquals(new float[] {11, 11}, env.reset(0));
        assertArrayEquals(new float[] {12, 11}, env.step(0).observation());
        assertArrayEquals(new float[] {13, 11}, env.step(0).observation());
        assertArrayEquals(new float[] {11, 12}, env.step(0).observation(), "row 0 of the next trial, shifted");
    }
    /** Runs trials alternately from two tasks and hands the top down to both, as env schedules do. */
    static final class Alternating extends TrialWrapper {
        final TrialEnv second;
        TrialBased current;
        TrialBased next;

        Alternating(TrialEnv first, TrialEnv second) {
            super(first);
            this.second = second;
            this.current = first;
            second.setTop(this);
        }

        @Override
        public void setTop(TrialBased top) {
            super.setTop(top);
            second.setTop(top);
        }

        @Override
        public Trial newTrial(Map<String, ?> kwargs) {
            current = next;
            next = current == trialEnv ? second : trialEnv;
            return current.newTrial(kwargs);
        }

        /** Resets the second task, then the first, each building its first trial through the top. */
        @Override
        public float[] reset(long seed) {
            next = second;
            second.reset(seed + 1);
            return env.reset(seed);
        }

        @Override
        public StepResult step(int action) {
            return current.step(action);
        }

        @Override
        public TrialEnv task() {
            return current.task();
        }

        @Override
        public Trial trial() {
            return current.trial();
        }
    }

    @Test
    void theTopHandedDownReachesEveryTaskOfAWrapperHoldingSeveral() {
        ToyTask a = StepSemanticsTest.factTask();
        ToyTask b = StepSemanticsTest.factTask();
        Alternating pair = new Alternating(a, b);
        AlwaysOne env = new AlwaysOne(new Plain(pair));
        env.reset(1);
        assertSame(a, pair.task());
        assertEquals(1, a.trial().getInt("ground_truth"));
        assertEquals(1, b.trial().getInt("ground_truth"));
        int fromA = 0;
        int fromB = 0;
        for (int i = 0; i < 40; i++) {
            StepResult r = env.step(0);
            assertTrue(r.newTrial());
            assertEquals(1, r.trial().getInt("ground_truth"), "trial " + i + " passed through the outer wrapper");
            assertSame(r.trial(), pair.task().trial());
            if (pair.task() == a) fromA++;
            else fromB++;
        }
        assertTrue(fromA >= 19 && fromB >= 19, fromA + " / " + fromB);
        assertEquals(a.trialCount() + b.trialCount(), env.made);
    }

    @Test
    void aTaskRefusesANullTop() {
        assertThrows(IllegalArgumentException.class, () -> StepSemanticsTest.factTask().setTop(null));
    }
}
