package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;

class ToneDetectionTest {

    @Test
    void channelNamesFitTheSpaces() {
        ToneDetection env = Probe.make(ToneDetection.DESCRIPTOR);
        assertArrayEquals(new int[] {0}, env.observationSpace().channel("stimulus"));
        assertArrayEquals(new int[] {0}, env.actionSpace().channel("fixation"));
        assertArrayEquals(new int[] {1, 2, 3}, env.actionSpace().channel("choice"));
    }

    @ParameterizedTest
    @CsvSource({"50, 0", "50, 1", "50, 2", "50, 3", "100, 2", "200, 3"})
    void theToneSitsAtItsPositionAndLabelsTheWholeTrial(double dt, int condition) {
        ToneDetection env = Probe.make(ToneDetection.DESCRIPTOR, Map.of("dt", dt, "sigma", 0.0));
        Probe.start(env, 1, Map.of("condition", condition));
        assertEquals(condition, env.trial().getInt("ground_truth"));
        assertEquals((int) (2000 / dt), env.trialLength());
        int onset = condition == 0 ? -1 : (int) (500 * condition / dt);
        for (int t = 0; t < env.trialLength(); t++) {
            assertEquals(t == onset ? 1f : 0f, Probe.ob(env, t, 0), "input at step " + t); // 50 ms: one step
            assertEquals(condition, Probe.gt(env, t));
        }
    }

    @Test
    void noRewardAndTrialsEndWithTheStimulus() {
        ToneDetection env = Probe.make(ToneDetection.DESCRIPTOR);
        env.reset(2);
        for (int t = 0; t < 39; t++) {
            StepResult r = env.step(t % 4);
            assertEquals(0.0, r.reward());
            assertFalse(r.newTrial());
        }
        StepResult last = env.step(env.trial().getInt("ground_truth"));
        assertTrue(last.newTrial());
        assertEquals(0.0, last.reward());
    }

    @Test
    void conditionsAreDrawnEvenly() {
        ToneDetection env = Probe.make(ToneDetection.DESCRIPTOR);
        env.reset(3);
        int[] counts = new int[4];
        for (int i = 0; i < 4000; i++) counts[env.newTrial(Map.of()).getInt("ground_truth")]++;
        for (int c : counts) assertEquals(1000, c, 100);
    }

    @Test
    void badToneTimingsAreRejected() {
        var e = assertThrows(ParameterException.class,
                () -> Probe.make(ToneDetection.DESCRIPTOR, Map.of("timing", Map.of("toneTiming", List.of(500, 1000)))));
        assertEquals("timing.toneTiming", e.key());
        e = assertThrows(ParameterException.class,
                () -> Probe.make(ToneDetection.DESCRIPTOR, Map.of("timing", Map.of("toneTiming", List.of(500, 1000, 2500)))));
        assertEquals("timing.toneTiming", e.key());
        e = assertThrows(ParameterException.class,
                () -> Probe.make(ToneDetection.DESCRIPTOR, Map.of("timing", Map.of("stimulus", List.of("uniform", List.of(1500, 2500))))));
        assertEquals("timing.stimulus", e.key());
    }
}
