package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;

class PoissonSpikesTest {
    /** Two-sided bound in standard deviations: a correct wrapper fails one comparison with probability about 6e-7. */
    private static final double Z = 5;

    /**
     * Spike counts of the wrapper against the counts its declared rates predict, per inner element:
     * the same-seeded plain task gives the values (the wrapper draws from its own stream, so the
     * task's trials are the same). A count of independent Bernoulli units has mean sum(p) and
     * variance sum(p (1 - p)); every element's count must lie within Z standard deviations.
     */
    private static void assertRatesMatch(Map<String, ?> taskParams, int neurons, double gain, double baseline, long seed, int trials) {
        TrialEnv plain = Fixtures.pdm(taskParams);
        PoissonSpikes env = new PoissonSpikes(Fixtures.pdm(taskParams), neurons, gain, baseline);
        int inner = ((Box) plain.observationSpace()).size();
        double[] count = new double[inner];
        double[] mean = new double[inner];
        double[] var = new double[inner];
        plain.reset(seed);
        env.reset(seed);
        for (int k = 0; k < trials; k++) {
            assertEquals(plain.trialLength(), env.trialLength(), "spikes do not change the task's own draws");
            float[] values = plain.trialObservations();
            float[] spikes = env.trialObservations();
            for (int t = 0; t < plain.trialLength(); t++) {
                for (int i = 0; i < inner; i++) {
                    double p = Math.min(1, Math.max(0, baseline + gain * values[t * inner + i]) * plain.dt() / 1000);
                    mean[i] += neurons * p;
                    var[i] += neurons * p * (1 - p);
                    for (int n = 0; n < neurons; n++) {
                        float s = spikes[t * inner * neurons + i * neurons + n];
                        assertTrue(s == 0f || s == 1f, "spikes are 0 or 1, got " + s);
                        count[i] += s;
                    }
                }
            }
            plain.newTrial(Map.of());
            env.newTrial(Map.of());
        }
        for (int i = 0; i < inner; i++) {
            assertTrue(mean[i] > 100, "element " + i + " must expect enough spikes to test, expects " + mean[i]);
            double bound = Z * Math.sqrt(var[i]);
            assertEquals(mean[i], count[i], bound, "element " + i + ": spikes counted vs expected from the declared rates (bound " + bound + ")");
        }
    }

    @Test
    void spikeCountsMatchTheDeclaredRatesOfANoisyStimulus() {
        assertRatesMatch(Map.of(), 10, 100, 5, 3, 60);
    }

    @Test
    void spikeCountsMatchTheDeclaredRatesAtAnotherDtGainAndBaseline() {
        assertRatesMatch(Map.of("dt", 20), 3, 40, 20, 11, 60);
    }

    @Test
    void negativeRatesAreClippedToSilence() {
        PoissonSpikes env = new PoissonSpikes(Fixtures.pdm(), 2, 100, -1000);
        env.reset(5);
        for (int k = 0; k < 20; k++) {
            float[] m = env.trialObservations();
            for (int i = 0; i < env.trialLength() * env.observationSpace().size(); i++) assertEquals(0f, m[i]);
            env.newTrial(Map.of());
        }
        assertEquals(0, env.rateHz(-3));
    }

    @Test
    void saturatedRatesSpikeEveryStep() {
        PoissonSpikes env = new PoissonSpikes(Fixtures.pdm(), 1, 0, 1e6);
        env.reset(5);
        float[] m = env.trialObservations();
        for (int i = 0; i < env.trialLength() * env.observationSpace().size(); i++) assertEquals(1f, m[i]);
    }

    @Test
    void channelsKeepTheirNamesOverTheirUnits() {
        PoissonSpikes env = new PoissonSpikes(Fixtures.pdm(), 4, 100, 0);
        Map<String, int[]> ch = env.observationSpace().channels();
        assertEquals(12, env.observationSpace().size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, ch.get("fixation"));
        assertArrayEquals(new int[] {4, 5, 6, 7, 8, 9, 10, 11}, ch.get("stimulus"));
        assertEquals(0f, env.observationSpace().low(7));
        assertEquals(1f, env.observationSpace().high(7));
    }

    @Test
    void steppedObservationsAreTheTrialMatrixRows() {
        PoissonSpikes env = new PoissonSpikes(Fixtures.pdm(), 5, 200, 0);
        float[] ob = env.reset(7).clone();
        int width = env.observationSpace().size();
        for (int i = 0; i < 600; i++) {
            int t = env.stepIndex();
            assertArrayEquals(Arrays.copyOfRange(env.trialObservations(), t * width, (t + 1) * width), ob);
            StepResult r = env.step(i % 3);
            ob = r.observation().clone();
        }
    }

    @Test
    void sameSeedSameSpikesOtherSeedOtherSpikes() {
        assertArrayEquals(firstTrial(4), firstTrial(4));
        assertFalse(Arrays.equals(firstTrial(4), firstTrial(5)));
    }

    private static float[] firstTrial(long seed) {
        PoissonSpikes env = new PoissonSpikes(Fixtures.pdm(), 3, 300, 10);
        env.reset(seed);
        return Arrays.copyOf(env.trialObservations(), env.trialLength() * env.observationSpace().size());
    }

    @Test
    void theDescriptorRefusesOutOfRangeParametersNamingThem() {
        assertEquals("n_neurons", assertThrows(ParameterException.class,
                () -> PoissonSpikes.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("n_neurons", 0))).key());
        assertEquals("gain", assertThrows(ParameterException.class,
                () -> PoissonSpikes.DESCRIPTOR.wrap(Fixtures.pdm(), Map.of("gain", -1.0))).key());
    }

    @Test
    void spikesOverPassRewardRecodeTheLiveRewardToo() {
        PoissonSpikes env = new PoissonSpikes(new PassReward(Fixtures.pdm()), 1, 0, 0);
        env.reset(1);
        // gain 0, baseline 0: silence everywhere, whatever the live reward below
        for (int i = 0; i < 300; i++) {
            for (float v : env.step(i % 3).observation()) assertEquals(0f, v);
        }
        PoissonSpikes loud = new PoissonSpikes(new PassReward(Fixtures.pdm()), 1, 1e6, 0);
        loud.reset(1);
        int rewardUnit = loud.observationSpace().channels().get("reward")[0];
        for (int i = 0; i < 2000; i++) {
            StepResult r = loud.step(i % 3);
            assertEquals(r.reward() > 0 ? 1f : 0f, r.observation()[rewardUnit], "a rewarded step makes the reward unit spike");
        }
    }
}
