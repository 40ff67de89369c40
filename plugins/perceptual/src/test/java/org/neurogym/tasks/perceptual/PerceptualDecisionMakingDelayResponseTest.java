package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;

class PerceptualDecisionMakingDelayResponseTest {

    @Test
    void aGivenSigmaFactSetsTheTrialsNoise() {
        // default sigma (1 per sqrt(ms)); the trial fact, already per step, overrides it as in the reference
        PerceptualDecisionMakingDelayResponse env = Probe.make(PerceptualDecisionMakingDelayResponse.DESCRIPTOR);
        Probe.start(env, 5, Map.of("ground_truth", 2, "coh", 25.6, "sigma", 0.0));
        assertEquals(0.0, env.trial().getDouble("sigma"));
        for (int t = env.periodStart("stimulus"); t < env.periodEnd("stimulus"); t++) {
            assertEquals(1f, Probe.ob(env, t, 0));
            assertEquals((float) ((1 - 0.256) / 2), Probe.ob(env, t, 1), 1e-6);
            assertEquals((float) ((1 + 0.256) / 2), Probe.ob(env, t, 2), 1e-6);
        }
    }

    @Test
    void withoutTheFactTheNoiseIsSigmaOverRootDt() {
        PerceptualDecisionMakingDelayResponse env = Probe.make(PerceptualDecisionMakingDelayResponse.DESCRIPTOR);
        env.reset(6);
        assertEquals(1.0 / Math.sqrt(100), env.trial().getDouble("sigma"), 1e-12);
    }

    @Test
    void theGroundTruthIsTheActionItself() {
        PerceptualDecisionMakingDelayResponse env = Probe.make(PerceptualDecisionMakingDelayResponse.DESCRIPTOR);
        Probe.start(env, 7, Map.of("ground_truth", 1));
        for (int t = env.periodStart("decision"); t < env.trialLength(); t++) assertEquals(1, Probe.gt(env, t));
        Probe.fixateUntil(env, "decision");
        StepResult r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(1.0, r.reward(), 1e-12);
        assertEquals(1.0, r.performance());
    }
}
