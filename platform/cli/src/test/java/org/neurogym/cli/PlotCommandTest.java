package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir Path dir;

    private static void assertPng(Path file) throws Exception {
        assertTrue(Files.size(file) > 5_000, file + " is too small");
        BufferedImage image = ImageIO.read(file.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 5, "only " + colours.size() + " colours");
    }

    @Test
    void plotWritesTheTrials() throws Exception {
        Path png = dir.resolve("t.png");
        CliTest.Result r = CliTest.cli("plot", "PerceptualDecisionMaking-v0", "--trials", "2", "--out", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("2", r.field("trials"));
        assertPng(png);
    }

    @Test
    void plotTakesStepsAgentParamsAndWrappers() throws Exception {
        Path png = dir.resolve("sub/s.png");
        CliTest.Result r = CliTest.cli("plot", "PerceptualDecisionMaking-v0", "--steps", "30", "--agent", "oracle", "--param", "dim_ring=8",
                "--seed", "3", "-o", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("30", r.field("steps"));
        assertPng(png);
    }

    @Test
    void plotErrorsAreUsageErrors() {
        Path png = dir.resolve("x.png");
        assertEquals(2, CliTest.cli("plot", "PerceptualDecisionMaking-v0", "--agent", "clever", "--out", png.toString()).code());
        assertEquals(2, CliTest.cli("plot", "PerceptualDecisionMaking-v0", "--trials", "0", "--out", png.toString()).code());
        assertEquals(2, CliTest.cli("plot", "PerceptualDecisionMaking-v0").code());
        assertEquals(2, CliTest.cli("plot", "NoSuchTask-v0", "--out", png.toString()).code());
    }

    @Test
    void psychometricFitsTheThresholdAgent() throws Exception {
        Path png = dir.resolve("curve.png");
        CliTest.Result r = CliTest.cli("psychometric", "PerceptualDecisionMaking-v0", "--agent", "threshold", "--trials", "2000",
                "--out", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        double beta = Double.parseDouble(r.field("beta"));
        assertEquals(0.0707, beta, 0.015, r.out());
        assertPng(png);
    }

    @Test
    void psychometricNeedsTwoChoices() {
        Path png = dir.resolve("c.png");
        CliTest.Result r = CliTest.cli("psychometric", "PerceptualDecisionMaking-v0", "--param", "dim_ring=3", "--agent", "oracle",
                "--trials", "50", "--out", png.toString());
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("two"), r.err());
    }
}
