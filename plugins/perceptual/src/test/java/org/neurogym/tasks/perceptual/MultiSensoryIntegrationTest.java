package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;

class MultiSensoryIntegrationTest {

    @Test
    void theCoherenceIsSplitBetweenTheModalities() {
        MultiSensoryIntegration env = Probe.make(MultiSensoryIntegration.DESCRIPTOR, Map.of("sigma", 0.0));
        Probe.start(env, 1, Map.of("ground_truth", 1, "coh", 50.0, "coh_prop", 0.8));
        int t = env.periodStart("stimulus");
        // ring of two: the target element gets +coh/200, the other -coh/200, around 0.5
        assertEquals(0.5 - 40.0 / 200, Probe.ob(env, t, 1), 1e-6);
        assertEquals(0.5 + 40.0 / 200, Probe.ob(env, t, 2), 1e-6);
        assertEquals(0.5 - 10.0 / 200, Probe.ob(env, t, 3), 1e-6);
        assertEquals(0.5 + 10.0 / 200, Probe.ob(env, t, 4), 1e-6);
        assertEquals(1f, Probe.ob(env, t, 0));
        for (int s = env.periodStart("decision"); s < env.trialLength(); s++) {
            for (int c = 0; c < 5; c++) assertEquals(0f, Probe.ob(env, s, c));
            assertEquals(2, Probe.gt(env, s)); // choice index 1 is action 2
        }
    }

    @Test
    void rewardsFollowTheReference() {
        MultiSensoryIntegration env = Probe.make(MultiSensoryIntegration.DESCRIPTOR);
        env.reset(2);
        StepResult r = env.step(2);
        assertEquals(-0.1, r.reward(), 1e-12);
        assertFalse(r.newTrial());

        Probe.start(env, 3, Map.of("ground_truth", 0));
        Probe.fixateUntil(env, "decision");
        r = env.step(2);
        assertTrue(r.newTrial());
        assertEquals(0.0, r.reward(), 1e-12);
        assertEquals(0.0, r.performance());

        Probe.start(env, 4, Map.of("ground_truth", 0));
        Probe.fixateUntil(env, "decision");
        r = env.step(1);
        assertEquals(1.0, r.reward(), 1e-12);
        assertEquals(1.0, r.performance());
    }
}
