package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.data.npy.NpyArray;
import org.neurogym.data.npy.NpzReader;

/** The acceptance: a dataset of PoissonSpikes exports spikes at the declared rates. */
class PoissonSpikesDatasetTest {
    /** Two-sided bound in standard deviations: a correct wrapper fails one element with probability about 6e-7. */
    private static final double Z = 5;

    @TempDir Path dir;

    @Test
    void theExportedSpikesOfEachElementHaveTheDeclaredRate() throws Exception {
        int neurons = 10;
        double gain = 5; // the default, in Hz per unit of observation value
        double dt = 100;
        Path spikes = dir.resolve("s.npz");
        Path plain = dir.resolve("plain.npz");
        String[] shape = {"--batch", "16", "--seq", "100", "--batches", "4", "--seed", "5"};
        assertEquals(0, DatasetCommandTest.cli(concat(new String[] {"dataset", "PerceptualDecisionMaking-v0", "--wrap",
                "PoissonSpikes:n_neurons=" + neurons, "--out", spikes.toString()}, shape)).code());
        assertEquals(0, DatasetCommandTest.cli(concat(new String[] {"dataset", "PerceptualDecisionMaking-v0", "--out", plain.toString()},
                shape)).code());
        Map<String, NpyArray> s = NpzReader.readAll(spikes);
        Map<String, NpyArray> p = NpzReader.readAll(plain);
        assertArrayEquals(p.get("targets").longs(), s.get("targets").longs(), "the spikes do not change the task's trials");
        float[] values = p.get("inputs").floats();
        float[] units = s.get("inputs").floats();
        int width = (int) p.get("inputs").shape()[3];
        assertEquals((long) width * neurons, s.get("inputs").shape()[3]);
        double[] expected = new double[width];
        double[] variance = new double[width];
        double[] counted = new double[width];
        for (int row = 0; row < values.length / width; row++) {
            for (int i = 0; i < width; i++) {
                double q = Math.min(1, Math.max(0, gain * values[row * width + i]) * dt / 1000);
                expected[i] += neurons * q;
                variance[i] += neurons * q * (1 - q);
                for (int n = 0; n < neurons; n++) {
                    float spike = units[(row * width + i) * neurons + n];
                    assertTrue(spike == 0f || spike == 1f, "a spike is 0 or 1, got " + spike);
                    counted[i] += spike;
                }
            }
        }
        for (int i = 0; i < width; i++) {
            assertTrue(expected[i] > 500, "element " + i + " expects enough spikes to test: " + expected[i]);
            assertEquals(expected[i], counted[i], Z * Math.sqrt(variance[i]), "element " + i + ": spikes counted vs the declared rate");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
