package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParameterException;

class CurriculumTest {

    /** Per ended trial: {stage reported, coh of the trial that ended, performance, stage_performance}. */
    private static List<double[]> run(Env env, Agent agent, int trials, long seed) {
        TrialBased tb = (TrialBased) env;
        List<double[]> out = new ArrayList<>();
        float[] ob = env.reset(seed);
        double coh = tb.trial().getDouble("coh");
        while (out.size() < trials) {
            StepResult r = agent.step(env, ob);
            if (r.newTrial()) {
                out.add(new double[] {((Number) r.info().get("stage")).doubleValue(), coh, r.performance(),
                        ((Number) r.info().get("stage_performance")).doubleValue()});
                coh = tb.trial().getDouble("coh");
            }
            ob = r.observation();
        }
        return out;
    }

    private static Curriculum cohStages(Curriculum.Advance advance) {
        return new Curriculum(Fixtures.pdm(), List.of(new Curriculum.Stage("easy", Map.of("cohs", List.of(51.2))),
                new Curriculum.Stage("middle", Map.of("cohs", List.of(25.6))),
                new Curriculum.Stage("hard", Map.of("cohs", List.of(6.4)))), advance);
    }

    @Test
    void theTrialsRuleMovesOnAfterSoManyTrialsAndTheNextTrialHasTheNewParameters() {
        Curriculum env = cohStages(Curriculum.Advance.afterTrials(4));
        List<double[]> rows = run(env, Agents.random(env.actionSpace(), 1), 15, 2);
        double[] cohOfStage = {51.2, 25.6, 6.4};
        for (int k = 0; k < rows.size(); k++) {
            int expected = Math.min(k / 4, 2);
            assertEquals(expected, rows.get(k)[0], "stage reported for trial " + k);
            assertEquals(cohOfStage[expected], rows.get(k)[1], "trial " + k + " was made with its stage's cohs");
        }
        assertEquals(2, env.stage(), "the last stage is kept");
    }

    @Test
    void thePerformanceRuleWaitsForAFullWindowAboveThresholdAndTheMinimumTrials() {
        Curriculum env = cohStages(Curriculum.Advance.onPerformance(0.75, 5, 12));
        List<double[]> rows = run(env, Agents.oracle(env), 30, 3);
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(1.0, rows.get(k)[2], "the oracle is right");
            int expected = k < 12 ? 0 : k < 24 ? 1 : 2;
            assertEquals(expected, rows.get(k)[0], "stage of trial " + k);
        }
        assertEquals(1.0, rows.get(11)[3], "window performance at the deciding trial");
    }

    @Test
    void aWindowAtOrBelowTheThresholdKeepsTheStage() {
        Curriculum env = cohStages(Curriculum.Advance.onPerformance(0.75, 4, 0));
        // always fixating: every trial is a miss
        List<double[]> rows = run(env, Agents.fixed(0), 40, 4);
        for (double[] row : rows) {
            assertEquals(0, row[0]);
            assertEquals(0, row[3]);
        }
    }

    @Test
    void windowPerformanceIsTheMeanOfTheStagesLastTrials() {
        Curriculum env = cohStages(Curriculum.Advance.onPerformance(1.0, 6, 0)); // never above 1: stays
        List<double[]> rows = run(env, Agents.random(env.actionSpace(), 9), 60, 5);
        for (int k = 0; k < rows.size(); k++) {
            double sum = 0;
            int n = 0;
            for (int i = Math.max(0, k - 5); i <= k; i++, n++) sum += rows.get(i)[2];
            assertEquals(sum / n, rows.get(k)[3], 1e-12, "window mean at trial " + k);
        }
    }

    @Test
    void aStageNamingAnUnknownParameterIsRefusedAtConstructionNamingStageAndKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> Curriculum.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("stages", List.of(Map.of("name", "warm-up"), Map.of("name", "typo", "cohz", List.of(1.0))))));
        assertEquals("stages[1].cohz", e.key());
        assertTrue(e.getMessage().contains("stage 1 ('typo')") && e.getMessage().contains("cohz"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aStageValueOutOfRangeIsRefusedNamingStageAndKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> Curriculum.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("stages", List.of(Map.of("sigma", -1.0)))));
        assertEquals("stages[0].sigma", e.key());
    }

    @Test
    void stagesOverrideTheWrappersBelowAsTablesUnderTheirIds() {
        Env noisy = Noise.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("std_noise", 0.0));
        Curriculum env = (Curriculum) Curriculum.DESCRIPTOR.wrap(noisy, Map.of("stages",
                List.of(Map.of(), Map.of("Noise", Map.of("std_noise", 0.5), "sigma", 0.0))));
        assertSame(noisy, env.env(0), "a first stage without overrides is the env given");
        assertEquals(0.0, ((Noise) env.env(0)).stdNoise());
        assertEquals(0.5, ((Noise) env.env(1)).stdNoise());
        ParameterException e = assertThrows(ParameterException.class, () -> Curriculum.DESCRIPTOR.wrap(
                Noise.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of()), Map.of("stages", List.of(Map.of("Noise", Map.of("std", 1.0))))));
        assertEquals("stages[0].Noise.std", e.key());
    }

    @Test
    void nestedTablesAreMergedKeyByKey() {
        Curriculum env = (Curriculum) Curriculum.DESCRIPTOR.wrap(Fixtures.pdm(Map.of("rewards", Map.of("correct", 2.0))),
                Map.of("stages", List.of(Map.of("rewards", Map.of("fail", 1.0)))));
        Map<String, Double> rewards = TrialBased.nearest(env.env(0)).task().rewards();
        assertEquals(2.0, rewards.get("correct"), "kept from the task's own parameters");
        assertEquals(1.0, rewards.get("fail"), "the stage's override");
    }

    @Test
    void anEnvMadeDirectlyCannotBeRemadeAndIsRefusedInOneLine() {
        Env direct = new Fixtures.ConstantObservation(Fixtures.pdm(), 1f);
        assertTrue(!Curriculum.DESCRIPTOR.accepts().test(direct));
        NeuroGymException e = assertThrows(NeuroGymException.class,
                () -> new Curriculum(direct, List.of(new Curriculum.Stage("a", Map.of("sigma", 0.0))), Curriculum.Advance.afterTrials(1)));
        assertTrue(e.getMessage().contains("made directly"), e.getMessage());
    }

    @Test
    void theStageSurvivesAResetAndRunsAreSeeded() {
        Curriculum env = cohStages(Curriculum.Advance.afterTrials(3));
        run(env, Agents.random(env.actionSpace(), 1), 4, 7);
        assertEquals(1, env.stage());
        env.reset(8);
        assertEquals(1, env.stage(), "training progress is kept across episodes");
        Curriculum a = cohStages(Curriculum.Advance.afterTrials(3));
        Curriculum b = cohStages(Curriculum.Advance.afterTrials(3));
        List<double[]> ra = run(a, Agents.random(a.actionSpace(), 3), 10, 11);
        List<double[]> rb = run(b, Agents.random(b.actionSpace(), 3), 10, 11);
        for (int k = 0; k < 10; k++) assertEquals(List.of(ra.get(k)[0], ra.get(k)[1], ra.get(k)[2]), List.of(rb.get(k)[0], rb.get(k)[1], rb.get(k)[2]));
        assertNotEquals(0, a.stage());
    }

    @Test
    void aStageWithItsOwnTrialsEndsAfterThemWhateverThePerformance() {
        Curriculum env = (Curriculum) Curriculum.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("threshold", 0.75, "window", 3,
                "stages", List.of(Map.of("name", "answer", "trials", 5, "cohs", List.of(0.0)), Map.of("name", "learn"))));
        List<double[]> rows = run(env, Agents.fixed(0), 12, 1); // never right
        for (int k = 0; k < rows.size(); k++) assertEquals(k < 5 ? 0 : 1, rows.get(k)[0], "stage of trial " + k);
        assertEquals(List.of("answer", "learn"), env.stageNames());
        ParameterException e = assertThrows(ParameterException.class, () -> Curriculum.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("stages", List.of(Map.of("trials", 0)))));
        assertEquals("stages[0].trials", e.key());
    }

    @Test
    void aStageThatChangesTheSpacesIsRefusedNamingIt() {
        ParameterException e = assertThrows(ParameterException.class, () -> Curriculum.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("stages", List.of(Map.of(), Map.of("name", "wider", "dim_ring", 4)))));
        assertEquals("stages[1]", e.key());
        assertTrue(e.getMessage().contains("stage 1 ('wider')"), e.getMessage());
    }
}
