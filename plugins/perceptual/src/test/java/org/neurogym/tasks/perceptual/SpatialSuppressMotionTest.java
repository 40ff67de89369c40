package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurogym.api.StepResult;

class SpatialSuppressMotionTest {

    private static float gt(SpatialSuppressMotion env, int t, int d) {
        return env.trialGroundTruthVector()[t * 4 + d];
    }

    @ParameterizedTest
    @CsvSource({"1, 0.99", "2, 0.99", "3, 0.05", "4, 0.05"})
    void poolsAreDrivenByDirectionContrastAndSize(int direction, double contrast) {
        SpatialSuppressMotion env = Probe.make(SpatialSuppressMotion.DESCRIPTOR);
        Probe.start(env, 1, Map.of("direction", direction, "contrast", contrast));
        int diameter = contrast > 0.5 ? 8 : 1;
        assertEquals(diameter, env.trial().getInt("diameter"));
        int[] anti = {1, 0, 3, 2};
        int d0 = direction - 1;
        for (int t = 0; t < env.trialLength(); t++) {
            for (int d = 0; d < 4; d++) {
                double drive = d == d0 ? contrast : d == anti[d0] ? 0 : contrast / 2;
                for (int s = 0; s < 8; s++) {
                    assertEquals(s < diameter ? drive : 0, Probe.ob(env, t, d * 8 + s), 1e-6, "pool " + d + " unit " + s);
                }
            }
        }
    }

    @Test
    void theTargetFollowsTheMeasuredCurves() {
        SpatialSuppressMotion env = Probe.make(SpatialSuppressMotion.DESCRIPTOR);
        Probe.start(env, 2, Map.of("direction", 3, "contrast", 0.99)); // up: anti is down, ortho left/right
        assertEquals(36, env.trialLength());
        for (int t = 0; t < env.trialLength(); t++) {
            float total = 0;
            for (int d = 0; d < 4; d++) total += gt(env, t, d);
            assertEquals(1f, total, 1e-5);
            assertEquals(gt(env, t, 0), gt(env, t, 1));
        }
        assertEquals(0.249, gt(env, 0, 2), 1e-6);
        assertEquals(0.249 + 0.021 * 2 / 3, gt(env, 11, 2), 1e-6); // between frames 9 and 12
        assertEquals(0.4 + (0.475 - 0.4) / 2, gt(env, 13, 3), 1e-6); // between frames 12 and 14
        assertEquals(0.99, gt(env, 35, 2), 1e-6);

        Probe.start(env, 2, Map.of("direction", 1, "contrast", 0.05));
        assertEquals(0.2583 + (0.325 - 0.2583) / 3, gt(env, 10, 0), 1e-6);
        assertEquals(0.2583 + (0.267 - 0.2583) / 3, gt(env, 10, 1), 1e-6);
    }

    @Test
    void longerStimuliExtrapolateTheLastSegment() {
        SpatialSuppressMotion env = Probe.make(SpatialSuppressMotion.DESCRIPTOR, Map.of("timing", Map.of("stimulus", 400)));
        Probe.start(env, 3, Map.of("direction", 2, "contrast", 0.99));
        assertEquals(48, env.trialLength());
        assertEquals(0.99, gt(env, 47, 1), 1e-6);
        assertEquals(0.03, gt(env, 47, 0), 1e-6);
    }

    @Test
    void stepsGiveNoRewardAndTrialsRunToTheEnd() {
        SpatialSuppressMotion env = Probe.make(SpatialSuppressMotion.DESCRIPTOR);
        env.reset(4);
        float[] action = {1, 0, 0, 0};
        for (int t = 0; t < 35; t++) {
            StepResult r = env.step(action);
            assertEquals(0.0, r.reward());
            assertFalse(r.newTrial());
        }
        assertTrue(env.step(action).newTrial());
    }
}
