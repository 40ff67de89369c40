package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;

class NoiseTest {

    /** The noise added to each trial: the wrapped matrix minus the same-seeded plain task's. */
    private static double[] noiseSamples(double std, long seed, int trials) {
        TrialEnv plain = Fixtures.pdm();
        TrialEnv task = Fixtures.pdm();
        Noise env = new Noise(task, std);
        plain.reset(seed);
        env.reset(seed);
        double[] out = new double[0];
        for (int k = 0; k < trials; k++) {
            int n = plain.trialLength() * 3;
            assertEquals(plain.trialLength(), env.trialLength(), "noise does not change the task's own draws");
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = env.trialObservations()[i] - plain.trialObservations()[i];
            double[] joined = Arrays.copyOf(out, out.length + n);
            System.arraycopy(d, 0, joined, out.length, n);
            out = joined;
            plain.newTrial(Map.of());
            env.newTrial(Map.of());
        }
        return out;
    }

    @Test
    void addedNoiseHasTheRequestedMeanAndStd() {
        double[] x = noiseSamples(0.3, 4, 200);
        assertTrue(x.length > 10_000, "samples: " + x.length);
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
        assertEquals(0, mean, 0.01);
        assertEquals(0.3, Math.sqrt(var), 0.01);
    }

    @Test
    void theDefaultStdIsTheReferences() {
        Noise env = (Noise) Noise.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of());
        assertEquals(0.1, env.stdNoise());
    }

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        assertArrayEquals(noiseSamples(0.1, 9, 20), noiseSamples(0.1, 9, 20));
        double[] a = noiseSamples(0.1, 9, 1);
        double[] b = noiseSamples(0.1, 10, 1);
        assertFalse(Arrays.equals(a, Arrays.copyOf(b, a.length)));
    }

    @Test
    void steppingSeesTheNoisyTrialMatrix() {
        Noise env = new Noise(Fixtures.pdm(), 0.5);
        float[] ob = env.reset(3).clone();
        for (int i = 0; i < 500; i++) {
            int t = env.stepIndex();
            assertArrayEquals(Arrays.copyOfRange(env.trialObservations(), t * 3, t * 3 + 3), ob);
            StepResult r = env.step(i % 3);
            ob = r.observation().clone();
        }
    }

    @Test
    void noiseOutsidePassActionReachesTheSteppedObservationsIncludingTheExtraChannel() {
        PassAction pass = new PassAction(Fixtures.pdm());
        Noise env = new Noise(pass, 0.2);
        float[] ob = env.reset(8).clone();
        int sawNoisyExtra = 0;
        for (int i = 0; i < 300; i++) {
            int t = env.stepIndex();
            float[] row = Arrays.copyOfRange(env.trialObservations(), t * 4, t * 4 + 4);
            assertArrayEquals(Arrays.copyOf(row, 3), Arrays.copyOf(ob, 3), "inner channels equal the noisy matrix");
            int action = i % 3;
            StepResult r = env.step(action);
            ob = r.observation().clone();
            if (ob[3] != action) sawNoisyExtra++;
            assertEquals(action, ob[3], 1.5, "extra channel is the action plus noise");
        }
        assertTrue(sawNoisyExtra > 250, "the action channel carries the noise too");
    }

    @Test
    void aNegativeStdIsAParameterError() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Noise.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("std_noise", -1.0)));
        assertEquals("std_noise", e.key());
    }

    @Test
    void zeroStdChangesNothing() {
        TrialEnv plain = Fixtures.pdm();
        Env env = new Noise(Fixtures.pdm(), 0);
        assertArrayEquals(plain.reset(1), env.reset(1));
        for (int i = 0; i < 100; i++) assertArrayEquals(plain.step(0).observation(), env.step(0).observation());
    }
}
