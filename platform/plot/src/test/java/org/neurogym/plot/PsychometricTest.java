package org.neurogym.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.Rng;
import org.neurogym.api.agent.Agents;
import org.neurogym.plot.figure.PsychometricFigure;
import org.neurogym.plot.psychometric.Choices;
import org.neurogym.plot.psychometric.Probit;
import org.neurogym.plot.psychometric.ThresholdAgent;

class PsychometricTest {

    @Test
    void erfMatchesKnownValues() {
        assertEquals(0.0, Probit.erf(0), 1e-7);
        assertEquals(0.8427007929, Probit.erf(1), 1e-7);
        assertEquals(-0.9953222650, Probit.erf(-2), 1e-7);
        assertEquals(0.975, Probit.probit(1.959964, 1, 0), 1e-6);
    }

    @Test
    void fitRecoversKnownParametersFromSyntheticChoices() {
        double beta = 0.08;
        double alpha = 0.3;
        double[] levels = {-51.2, -25.6, -12.8, -6.4, 0, 6.4, 12.8, 25.6, 51.2};
        Rng rng = new Rng(7);
        int n = 40_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = levels[rng.integer(levels.length)];
            y[i] = rng.uniform(0, 1) < Probit.probit(x[i], beta, alpha) ? 1 : 0;
        }
        Probit.Fit fit = Probit.fit(x, y);
        assertTrue(fit.converged());
        assertEquals(beta, fit.beta(), 0.006, "slope");
        assertEquals(alpha, fit.alpha(), 0.05, "bias");
        assertEquals(-alpha / beta, fit.pointOfSubjectiveEquality(), 0.8);
    }

    @Test
    void fitIsExactOnNoiselessProportions() {
        // Large groups whose choice rates are exactly the model's: the least-squares optimum is the model.
        double[] levels = {-2, -1, -0.5, 0, 0.5, 1, 2};
        int per = 1000;
        double[] x = new double[levels.length * per];
        double[] y = new double[x.length];
        int i = 0;
        for (double l : levels) {
            int ones = (int) Math.round(per * Probit.probit(l, 1.5, -0.2));
            for (int k = 0; k < per; k++, i++) {
                x[i] = l;
                y[i] = k < ones ? 1 : 0;
            }
        }
        Probit.Fit fit = Probit.fit(x, y);
        assertEquals(1.5, fit.beta(), 0.01);
        assertEquals(-0.2, fit.alpha(), 0.01);
    }

    @Test
    void thresholdAgentOnPerceptualDecisionMakingHasTheSlopeItsNoiseImplies() throws Exception {
        try (Env env = Images.task("PerceptualDecisionMaking-v0").create(Map.of())) {
            ThresholdAgent agent = new ThresholdAgent(env.observationSpace(), env.actionSpace(), 1, 3);
            Choices c = Choices.collect(env, agent, 3, 4000, "coh", "ground_truth");
            assertEquals(4000, c.evidence().length + c.withoutChoice());
            assertTrue(c.evidence().length > 3900);
            Probit.Fit fit = c.fit();
            // One sample of the difference of two stimuli: mean coh/100, sd sqrt(2) * sigma / sqrt(dt).
            double expected = 1 / (100 * Math.sqrt(2) * 1.0 / Math.sqrt(100));
            assertEquals(expected, fit.beta(), expected * 0.15, "slope per coherence unit");
            assertEquals(0, fit.alpha(), 0.1, "no bias");
            Path png = Images.outputDir("psychometric").resolve("threshold.png");
            PsychometricFigure.writePng(c, fit, "PerceptualDecisionMaking-v0, threshold agent", "Signed coherence (coh)", png);
            Images.assertNonTrivialPng(png, 700, 500, 6);
        }
    }

    @Test
    void oracleGivesAStep() throws Exception {
        try (Env env = Images.task("PerceptualDecisionMaking-v0").create(Map.of())) {
            Choices c = Choices.collect(env, Agents.oracle(env), 1, 600, "coh", "ground_truth");
            Probit.Fit fit = c.fit();
            // Every choice is right: P jumps from 0 to 1 between the smallest levels either side of 0.
            assertTrue(fit.p(-6.4) < 0.01 && fit.p(6.4) > 0.99, "a step: " + fit);
            Path png = Images.outputDir("psychometric").resolve("oracle.png");
            PsychometricFigure.writePng(c, fit, "PerceptualDecisionMaking-v0, oracle", "Signed coherence (coh)", png);
            Images.assertNonTrivialPng(png, 700, 500, 4);
        }
    }

    @Test
    void taskWithoutTheFactsIsAClearError() {
        try (Env env = Images.task("PerceptualDecisionMaking-v0").create(Map.of())) {
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> Choices.collect(env, Agents.oracle(env), 1, 10, "strength", "ground_truth"));
            assertTrue(e.getMessage().contains("'strength'"), e.getMessage());
        }
    }
}
