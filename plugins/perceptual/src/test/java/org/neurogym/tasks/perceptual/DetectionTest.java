package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

class DetectionTest {

    private static Detection make(Map<String, ?> params) {
        return Probe.make(Detection.DESCRIPTOR, params);
    }

    @Test
    void noGoTrialsHaveAGroundTruthAndWithholdingIsCorrect() {
        Detection env = make(Map.of());
        Probe.start(env, 1, Map.of("ground_truth", 0));
        assertTrue(env.hasGroundTruth());
        for (int t = 0; t < env.trialLength(); t++) assertEquals(0, Probe.gt(env, t));
        StepResult r = Probe.fixateToEnd(env);
        assertEquals(0.0, r.reward(), 1e-12); // no reward for a correct omission
        assertEquals(1.0, r.performance());

        Probe.start(env, 2, Map.of("ground_truth", 0));
        Probe.fixateUntil(env, "stimulus");
        r = env.step(1);
        assertTrue(r.newTrial());
        assertEquals(-1.0, r.reward(), 1e-12);
        assertEquals(0.0, r.performance());
    }

    @Test
    void goTrialsRewardAResponseAfterThePulseOnly() {
        Detection env = make(Map.of("sigma", 0.0, "delay", 300));
        Probe.start(env, 3, Map.of("ground_truth", 1));
        int onset = env.periodStart("stimulus") + 3;
        assertEquals(300.0, env.trial().getDouble("delay"), 1e-9);
        assertEquals(List.of("fixation", "stimulus"), env.periods()); // no helper periods
        for (int t = 0; t < env.trialLength(); t++) {
            assertEquals(t >= onset ? 1 : 0, Probe.gt(env, t), "ground truth at step " + t);
            assertEquals(t == onset ? 0.5f : 0f, Probe.ob(env, t, 1), "stimulus at step " + t);
            assertEquals(t < env.periodEnd("fixation") ? 1f : 0f, Probe.ob(env, t, 0));
        }
        while (env.stepIndex() < onset) assertFalse(env.step(0).newTrial());
        StepResult r = env.step(1);
        assertEquals(1.0, r.reward(), 1e-12);
        assertEquals(1.0, r.performance());

        Probe.start(env, 4, Map.of("ground_truth", 1));
        Probe.fixateUntil(env, "stimulus");
        r = env.step(1); // before the pulse
        assertTrue(r.newTrial());
        assertEquals(-1.0, r.reward(), 1e-12);
        assertEquals(0.0, r.performance());

        Probe.start(env, 5, Map.of("ground_truth", 1));
        r = Probe.fixateToEnd(env);
        assertEquals(-1.0, r.reward(), 1e-12); // a miss
        assertEquals(0.0, r.performance());
    }

    @Test
    void randomPulsesLeaveAStepToRespond() {
        Detection env = make(Map.of("sigma", 0.0));
        env.reset(6);
        for (int i = 0; i < 300; i++) {
            env.newTrial(Map.of("ground_truth", 1));
            int start = env.periodStart("stimulus");
            int onset = start + (int) Math.round(env.trial().getDouble("delay") / 100);
            assertTrue(onset >= start && onset < env.trialLength() - 1, "onset " + onset + " of " + env.trialLength());
            assertEquals(0.5f, Probe.ob(env, onset, 1));
            assertEquals(0f, Probe.ob(env, onset - 1, 1));
            assertEquals(0, Probe.gt(env, onset - 1));
            assertEquals(1, Probe.gt(env, onset));
            assertEquals(1, Probe.gt(env, env.trialLength() - 1));
            assertEquals(List.of("fixation", "stimulus"), env.periods());
        }
    }

    @Test
    void noiseIsAddedOnceOnNoGoTrials() {
        // sigma 1 per sqrt(ms) at dt 100 is 0.1 per step; the reference's double draw made it 0.141
        Detection env = make(Map.of());
        env.reset(7);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int i = 0; i < 400; i++) {
            env.newTrial(Map.of("ground_truth", 0));
            for (int t = env.periodStart("stimulus"); t < env.trialLength(); t++) {
                double v = Probe.ob(env, t, 1);
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double std = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
        assertEquals(0.1, std, 0.005);
    }

    @Test
    void delayIsOptionalAndNeverNegative() {
        assertTrue(Detection.DESCRIPTOR.parameters().stream().anyMatch(s -> s.name().equals("delay") && s.optional()));
        var e = assertThrows(ParameterException.class, () -> make(Map.of("delay", -1)));
        assertEquals("delay", e.key());
        // unset: the delay varies from trial to trial
        Detection env = make(Map.of());
        env.reset(8);
        Set<Object> delays = new HashSet<>();
        for (int i = 0; i < 50; i++) delays.add(env.newTrial(Map.of("ground_truth", 1)).get("delay"));
        assertTrue(delays.size() > 1, "delays " + delays);
    }

    @Test
    void aPulseShorterThanAStepIsRejected() {
        var e = assertThrows(ParameterException.class, () -> make(Map.of("stim_dur", 50)));
        assertEquals("stim_dur", e.key());
    }
}
