package org.neurogym.tasks.collections.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.ClasspathMaker;

/** The composed tasks, made as the host makes them: the perceptual and wrappers plugins are on the test class path. */
class PerceptualCollectionTest {
    private static final ClasspathMaker MAKER = ClasspathMaker.ofContext();

    static Env make(TaskDescriptor d, Map<String, ?> p) {
        return d.create(p, MAKER);
    }

    @Test
    void roitmanIsPerceptualDecisionMakingUnderReactionTime() {
        Env env = make(PerceptualCollection.ROITMAN02, Map.of());
        assertEquals("ReactionTime", env.getClass().getSimpleName());
        assertEquals("PerceptualDecisionMaking", env.unwrapped().getClass().getSimpleName());
    }

    @Test
    void roitmanAcceptsAnAnswerFromTheStimulusSecondStep() {
        Env env = make(PerceptualCollection.ROITMAN02, Map.of());
        TrialBased trials = TrialBased.nearest(env);
        env.reset(1);
        trials.newTrial(Map.of("ground_truth", 1, "coh", 51.2));
        var task = trials.task();
        assertTrue(task.periods().containsAll(List.of("fixation", "stimulus", "decision")), task.periods().toString());
        int start = task.periodStart("stimulus");
        assertEquals(start + 1, task.periodStart("decision"));
        assertEquals(task.periodEnd("stimulus"), trials.trialLength(), "the trial ends with the stimulus");
        assertEquals(0, trials.trialGroundTruth()[start], "the stimulus's first step is not yet a decision step");
        assertEquals(2, trials.trialGroundTruth()[start + 1]);
        while (trials.stepIndex() < start + 2) assertFalse(env.step(0).newTrial());
        StepResult r = env.step(2);
        assertTrue(r.newTrial(), "an early answer ends the trial");
        assertEquals(1.0, r.reward());
        assertEquals(1.0, r.performance());
    }

    @Test
    void roitmanTrialsWithoutAnAnswerEndWithTheStimulus() {
        Env env = make(PerceptualCollection.ROITMAN02, Map.of());
        env.reset(2);
        int steps = 0;
        StepResult r;
        do {
            r = env.step(0);
            steps++;
        } while (!r.newTrial());
        assertEquals(21, steps, "100 ms fixation + 2000 ms stimulus");
        assertEquals(0.0, r.performance());
    }

    @Test
    void iblBlocksAlternateEveryNinetyTrialsWithTheirBias() {
        Env env = make(PerceptualCollection.IBL20, Map.of());
        TrialBased trials = TrialBased.nearest(env);
        env.reset(3);
        int blocks = 20;
        double[] shareOfFirst = new double[blocks];
        for (int i = 0; i < blocks * PerceptualCollection.IBL_BLOCK_LENGTH; i++) {
            var trial = i == 0 ? trials.trial() : trials.newTrial(Map.of());
            if (trial.getInt("ground_truth") == 0) shareOfFirst[i / PerceptualCollection.IBL_BLOCK_LENGTH]++;
        }
        boolean firstFavoured = shareOfFirst[0] > PerceptualCollection.IBL_BLOCK_LENGTH / 2.0;
        double favoured = 0;
        for (int b = 0; b < blocks; b++) {
            double share = shareOfFirst[b] / PerceptualCollection.IBL_BLOCK_LENGTH;
            boolean expectFirst = firstFavoured == (b % 2 == 0);
            assertTrue(expectFirst ? share > 0.5 : share < 0.5, "block " + b + ": share of the first location " + share);
            favoured += expectFirst ? share : 1 - share;
        }
        assertEquals(0.8, favoured / blocks, 0.03, "the favoured location's share over all blocks");
    }

    @Test
    void iblRestartsItsBlocksOnReset() {
        Env env = make(PerceptualCollection.IBL20, Map.of());
        TrialBased trials = TrialBased.nearest(env);
        for (long seed = 0; seed < 5; seed++) {
            env.reset(seed);
            int[] first = new int[100];
            for (int i = 0; i < 100; i++) first[i] = (i == 0 ? trials.trial() : trials.newTrial(Map.of())).getInt("ground_truth");
            env.reset(seed);
            for (int i = 0; i < 100; i++) {
                assertEquals(first[i], (i == 0 ? trials.trial() : trials.newTrial(Map.of())).getInt("ground_truth"),
                        "seed " + seed + ", trial " + i);
            }
        }
    }

    @Test
    void iblNeedsTwoChoices() {
        ParameterException e = assertThrows(ParameterException.class, () -> make(PerceptualCollection.IBL20, Map.of("dim_ring", 3)));
        assertTrue(e.getMessage().contains("dim_ring"), e.getMessage());
    }

    @Test
    void aComposedTaskMadeWithoutAHostSaysSo() {
        var e = assertThrows(org.neurogym.api.NeuroGymException.class, () -> PerceptualCollection.ROITMAN02.create(Map.of()));
        assertTrue(e.getMessage().contains("PerceptualDecisionMaking-v0") && e.getMessage().contains("host"), e.getMessage());
    }
}
