package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;

class SideBiasTest {
    private static final List<List<Double>> TWO = List.of(List.of(0.8, 0.2), List.of(0.2, 0.8));

    private static Env wrap(Object probs, Object blockDur) {
        return SideBias.DESCRIPTOR.wrap(Fixtures.pdm(), Fixtures.params("probs", probs, "block_dur", blockDur));
    }

    private static ParameterException badParam(Object probs, Object blockDur) {
        return assertThrows(ParameterException.class, () -> wrap(probs, blockDur));
    }

    @Test
    void probsValidation() {
        assertEquals("probs", assertThrows(ParameterException.class,
                () -> SideBias.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of())).key(), "probs is required");
        assertTrue(badParam(0.8, 200).key().startsWith("probs"));
        assertTrue(badParam(List.of(0.8, 0.2), 200).key().startsWith("probs"), "a vector is not a matrix");
        assertEquals("probs", badParam(List.of(List.of(0.8, 0.2), List.of(0.2, 0.3, 0.5)), 200).key(), "ragged rows");
        assertEquals("probs", badParam(List.of(List.of(0.8, 0.1), List.of(0.2, 0.9)), 200).key(), "rows must sum to 1");
        NeuroGymException cols = assertThrows(NeuroGymException.class,
                () -> wrap(List.of(List.of(0.8, 0.1, 0.1), List.of(0.2, 0.4, 0.4)), 200));
        assertTrue(cols.getMessage().contains("SideBias") && cols.getMessage().contains("PerceptualDecisionMaking")
                && cols.getMessage().contains("choices"), cols.getMessage());
        ParameterException negative = assertThrows(ParameterException.class, () -> SideBias.DESCRIPTOR.wrap(
                Fixtures.pdm(Map.of("dim_ring", 3)), Map.of("probs", List.of(List.of(0.8, 0.4, -0.2), List.of(0.2, 0.0, 0.8)))));
        assertTrue(negative.getMessage().contains(">= 0"), negative.getMessage());
        SideBias ok = (SideBias) wrap(List.of(List.of(0.8, 0.2), List.of(0.2, 0.8), List.of(0.5, 0.5)), 200);
        assertEquals(2, ok.choiceCount());
    }

    @Test
    void blockDurValidation() {
        assertEquals(new SideBias.Fixed(200), ((SideBias) wrap(TWO, 200)).blockDuration());
        assertEquals(new SideBias.Fixed(200), ((SideBias) SideBias.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("probs", TWO)))
                .blockDuration(), "default 200");
        assertEquals("block_dur", badParam(TWO, 0).key());
        assertEquals("block_dur", badParam(TWO, -10).key());
        assertEquals(new SideBias.Switching(0.1), ((SideBias) wrap(TWO, 0.1)).blockDuration());
        badParam(TWO, 0.0);
        badParam(TWO, 1.0);
        badParam(TWO, 1.5);
        assertEquals(new SideBias.Range(100, 300), ((SideBias) wrap(TWO, List.of(100, 300))).blockDuration());
        assertEquals(new SideBias.Range(100, 300), ((SideBias) wrap(TWO, List.of(100L, 300L))).blockDuration(), "TOML integers");
        badParam(TWO, List.of(100));
        badParam(TWO, List.of(100, 200, 300));
        assertTrue(badParam(TWO, List.of(100.5, 200)).getMessage().contains("integers"));
        badParam(TWO, List.of(0, 200));
        badParam(TWO, List.of(300, 200));
        badParam(TWO, "invalid");
    }

    @Test
    void fixedBlocksLastExactlyBlockDurTrialsAndSwitchToAnotherBlock() {
        SideBias env = (SideBias) wrap(List.of(List.of(0.8, 0.2), List.of(0.2, 0.8), List.of(0.4, 0.6)), 5);
        env.reset(0);
        List<Integer> blocks = new ArrayList<>();
        blocks.add(env.currentBlock());
        for (int i = 0; i < 99; i++) {
            env.newTrial(Map.of());
            blocks.add(env.currentBlock());
        }
        for (int start = 0; start < 100; start += 5) {
            for (int k = 1; k < 5; k++) assertEquals(blocks.get(start), blocks.get(start + k), "trial " + (start + k));
            if (start + 5 < 100) assertNotEquals(blocks.get(start), blocks.get(start + 5), "a switch goes to another block");
        }
    }

    @Test
    void switchingProbabilityGivesGeometricBlocks() {
        SideBias env = (SideBias) wrap(List.of(List.of(0.8, 0.2), List.of(0.2, 0.8), List.of(0.4, 0.6)), 0.5);
        env.reset(42);
        int switches = 0;
        for (int i = 0; i < 2000; i++) {
            int before = env.currentBlock();
            env.newTrial(Map.of());
            if (env.currentBlock() != before) switches++;
        }
        assertEquals(1000, switches, 100);
    }

    @Test
    void rangeBlocksLastBetweenLowAndHigh() {
        SideBias env = (SideBias) wrap(List.of(List.of(0.8, 0.2), List.of(0.2, 0.8), List.of(0.4, 0.6)), List.of(2, 4));
        env.reset(123);
        List<Integer> durations = new ArrayList<>();
        int current = env.currentBlock();
        int count = 1;
        for (int i = 0; i < 3000; i++) {
            env.newTrial(Map.of());
            if (env.currentBlock() != current) {
                durations.add(count);
                current = env.currentBlock();
                count = 0;
            }
            count++;
        }
        for (int d : durations) assertTrue(d >= 2 && d <= 4, "duration " + d);
        double mean = durations.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertEquals(3.0, mean, 0.1);
        assertTrue(durations.contains(2) && durations.contains(4), "both ends of the range occur");
    }

    @Test
    void groundTruthFollowsTheBlocksProbabilitiesWhileStepping() {
        // The reference's skipped statistics test: three choices, one near-certain per block.
        double[][] probs = {{0.005, 0.005, 0.99}, {0.005, 0.99, 0.005}, {0.99, 0.005, 0.005}};
        TrialEnv task = Fixtures.pdm(Map.of("dim_ring", 3, "timing", Map.of("fixation", 100, "stimulus", 100, "decision", 100)));
        SideBias env = (SideBias) SideBias.DESCRIPTOR.wrap(task, Map.of("probs", probs, "block_dur", 10));
        env.reset(5);
        double[][] counts = new double[3][3];
        int block = env.currentBlock();
        org.neurogym.api.space.Discrete actions = (org.neurogym.api.space.Discrete) env.actionSpace();
        org.neurogym.api.Rng rng = new org.neurogym.api.Rng(1);
        for (int i = 0; i < 60_000; i++) {
            StepResult r = env.step(actions.sample(rng));
            if (r.newTrial()) {
                counts[block][r.groundTruth() - 1]++;
                block = env.currentBlock();
            }
        }
        for (int b = 0; b < 3; b++) {
            double total = counts[b][0] + counts[b][1] + counts[b][2];
            assertTrue(total > 1000, "block " + b + " had " + total + " trials");
            for (int c = 0; c < 3; c++) assertEquals(probs[b][c], counts[b][c] / total, 0.01, "block " + b + " choice " + c);
        }
    }

    @Test
    void theTrialRecordsTheProbabilitiesUsedAndOneBasedTasksWork() {
        TrialEnv dms = Fixtures.dms();
        SideBias env = (SideBias) SideBias.DESCRIPTOR.wrap(dms, Map.of("probs", List.of(List.of(1.0, 0.0)), "block_dur", 3));
        env.reset(1);
        for (int i = 0; i < 20; i++) {
            assertEquals(1, env.trial().getInt("ground_truth"), "DelayMatchSample numbers its choices from 1");
            assertEquals(List.of(1.0, 0.0), env.trial().get("probs"));
            env.newTrial(Map.of());
        }
    }

    @Test
    void sameSeedSameBlocks() {
        SideBias a = (SideBias) wrap(TWO, 0.3);
        SideBias b = (SideBias) wrap(TWO, 0.3);
        a.reset(77);
        b.reset(77);
        for (int i = 0; i < 200; i++) {
            assertEquals(a.currentBlock(), b.currentBlock());
            assertEquals(a.trial().getInt("ground_truth"), b.trial().getInt("ground_truth"));
            a.newTrial(Map.of());
            b.newTrial(Map.of());
        }
        assertInstanceOf(SideBias.Switching.class, a.blockDuration());
    }
}
