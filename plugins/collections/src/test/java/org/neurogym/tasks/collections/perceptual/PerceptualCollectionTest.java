package org.neurogym.tasks.collections.perceptual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;

class PerceptualCollectionTest {

    static TrialEnv make(org.neurogym.api.spi.TaskDescriptor d, Map<String, ?> p) {
        return (TrialEnv) d.create(p).unwrapped();
    }

    @Test
    void roitmanAcceptsAnAnswerFromTheStimulusSecondStep() {
        TrialEnv env = make(Roitman02.DESCRIPTOR, Map.of());
        env.reset(1);
        env.newTrial(Map.of("ground_truth", 1, "coh", 51.2));
        assertEquals(List.of("fixation", "stimulus", "decision"), env.periods());
        int start = env.periodStart("stimulus");
        assertEquals(start + 1, env.periodStart("decision"));
        assertEquals(env.periodEnd("stimulus"), env.periodEnd("decision"));
        assertEquals(env.periodEnd("stimulus"), env.trialLength(), "the trial ends with the stimulus");
        assertEquals(0, env.trialGroundTruth()[start], "the stimulus's first step is not yet a decision step");
        assertEquals(2, env.trialGroundTruth()[start + 1]);
        while (env.stepIndex() < start + 2) assertFalse(env.step(0).newTrial());
        StepResult r = env.step(2);
        assertTrue(r.newTrial(), "an early answer ends the trial");
        assertEquals(1.0, r.reward());
        assertEquals(1.0, r.performance());
    }

    @Test
    void roitmanTrialsWithoutAnAnswerEndWithTheStimulus() {
        TrialEnv env = make(Roitman02.DESCRIPTOR, Map.of());
        env.reset(2);
        int steps = 0;
        StepResult r;
        do {
            r = env.step(0);
            steps++;
        } while (!r.newTrial());
        assertEquals(21, steps, "100 ms fixation + 2000 ms stimulus");
        assertEquals(0.0, r.performance());
        assertEquals(21.0, env.trialLengthStats(50, 0).mean(), 1e-9);
    }

    @Test
    void iblBlocksAlternateEveryNinetyTrialsWithTheirBias() {
        TrialEnv env = make(Ibl20.DESCRIPTOR, Map.of());
        env.reset(3);
        int first = env.trial().getInt("block");
        int[][] counts = new int[2][2];
        for (int i = 0; i < 1800; i++) {
            var trial = i == 0 ? env.trial() : env.newTrial(Map.of());
            int block = trial.getInt("block");
            assertEquals((first + i / Ibl20.BLOCK_LENGTH) % 2, block, "trial " + i);
            assertArrayEquals(block == 0 ? new double[] {0.8, 0.2} : new double[] {0.2, 0.8}, (double[]) trial.get("p"), 1e-12);
            counts[block][trial.getInt("ground_truth")]++;
        }
        double p00 = counts[0][0] / (double) (counts[0][0] + counts[0][1]);
        double p11 = counts[1][1] / (double) (counts[1][0] + counts[1][1]);
        assertEquals(0.8, p00, 0.04);
        assertEquals(0.8, p11, 0.04);
    }

    @Test
    void iblRestartsItsBlocksOnReset() {
        TrialEnv env = make(Ibl20.DESCRIPTOR, Map.of());
        int[] firstBlocks = new int[2];
        for (long seed = 0; seed < 40; seed++) {
            env.reset(seed);
            for (int i = 0; i < 100; i++) env.newTrial(Map.of());
            env.reset(seed);
            int again = env.trial().getInt("block");
            env.reset(seed);
            assertEquals(again, env.trial().getInt("block"), "same seed, same first block");
            firstBlocks[again]++;
        }
        assertTrue(firstBlocks[0] > 5 && firstBlocks[1] > 5, "the first block is drawn: " + java.util.Arrays.toString(firstBlocks));
    }

    @Test
    void iblNeedsTwoChoices() {
        ParameterException e = assertThrows(ParameterException.class, () -> make(Ibl20.DESCRIPTOR, Map.of("dim_ring", 3)));
        assertTrue(e.getMessage().contains("dim_ring"));
    }
}
