package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16 through the CLI: output files, one-line file and configuration errors, new-plugin, plot limits. */
class EdgesCliTest {
    @TempDir Path dir;

    private static CliTest.Result cli(String... args) {
        return CliTest.cli(args);
    }

    private static void oneLine(CliTest.Result r, int code, String... parts) {
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String p : parts) assertTrue(r.err().contains(p), "should say " + p + ": " + r.err());
    }

    private void nothingWritten() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> !Files.isDirectory(p)).count(), "nothing written in " + dir);
        }
    }

    @Test
    void anEmptyOrDirectoryOutIsRefusedBeforeTheJob() throws Exception {
        oneLine(cli("plot", "PerceptualDecisionMaking-v0", "--out", ""), 2, "--out", "empty");
        oneLine(cli("plot", "PerceptualDecisionMaking-v0", "--out", dir.toString()), 2, "--out", "is a directory");
        oneLine(cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "2", "--seq", "10", "--batches", "1", "--out", dir.toString()),
                2, "--out", "is a directory");
        oneLine(cli("psychometric", "PerceptualDecisionMaking-v0", "--out", ""), 2, "--out");
        oneLine(cli("docs", "tasks", "--out", dir.toString()), 2, "is a directory");
        oneLine(cli("plot", "PerceptualDecisionMaking-v0", "--out", dir.resolve("x.tiff").toString()), 2, "'.tiff'");
        Path file = Files.writeString(dir.resolve("f"), "x");
        oneLine(cli("plot", "PerceptualDecisionMaking-v0", "--out", file.resolve("x.png").toString()), 2, "not a directory");
    }

    @Test
    void anUnwritablePathIsOneLineWithTheOsReason() {
        oneLine(cli("plot", "PerceptualDecisionMaking-v0", "--out", "/proc/x.png"), 1, "/proc/x.png", "No such file or directory");
        oneLine(cli("psychometric", "PerceptualDecisionMaking-v0", "--agent", "oracle", "--trials", "20", "--out", "/proc/x.png"),
                1, "/proc/x.png");
    }

    @Test
    void replacingAnExistingFileIsSaidOnStderr() throws Exception {
        Path png = dir.resolve("sub/p.png");
        CliTest.Result first = cli("plot", "PerceptualDecisionMaking-v0", "--out", png.toString());
        assertEquals(0, first.code(), first.err());
        assertFalse(first.err().contains("replaced"), first.err());
        CliTest.Result second = cli("plot", "PerceptualDecisionMaking-v0", "--out", png.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("replaced the existing " + png), second.err());
        Path npz = dir.resolve("x.npz");
        for (int i = 0; i < 2; i++) {
            CliTest.Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "2", "--seq", "10", "--batches", "1",
                    "--seed", "1", "--out", npz.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(i == 1, r.err().contains("replaced the existing " + npz), r.err());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    /** render (the visual plugin's command) keeps the convention: path checked first, a replaced file said, no temporary left. */
    @Test
    void renderFollowsTheOutputFileConvention() throws Exception {
        oneLine(cli("render", "RandomDotMotion-v0", "--out", ""), 2, "--out", "empty");
        Files.createDirectory(dir.resolve("d.gif"));
        oneLine(cli("render", "RandomDotMotion-v0", "--out", dir.resolve("d.gif").toString()), 2, "--out", "is a directory");
        Files.delete(dir.resolve("d.gif"));
        Path file = Files.writeString(dir.resolve("f"), "x");
        oneLine(cli("render", "RandomDotMotion-v0", "--out", file.resolve("x.gif").toString()), 2, "not a directory");
        Files.delete(file);
        for (String name : new String[] {"r.gif", "r.png"}) {
            Path out = dir.resolve(name);
            CliTest.Result first = cli("render", "RandomDotMotion-v0", "--out", out.toString());
            assertEquals(0, first.code(), first.err());
            assertFalse(first.err().contains("replaced"), first.err());
            byte[] magic = Arrays.copyOf(Files.readAllBytes(out), 3);
            assertArrayEquals(name.endsWith(".gif") ? "GIF".getBytes(StandardCharsets.US_ASCII) : new byte[] {(byte) 0x89, 'P', 'N'}, magic);
            CliTest.Result second = cli("render", "RandomDotMotion-v0", "--out", out.toString());
            assertEquals(0, second.code(), second.err());
            assertTrue(second.err().contains("replaced the existing " + out), second.err());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void plotWritesTheFormatItsExtensionNames() throws Exception {
        Path jpg = dir.resolve("p.jpg");
        assertEquals(0, cli("plot", "PerceptualDecisionMaking-v0", "--out", jpg.toString()).code());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, Arrays.copyOf(Files.readAllBytes(jpg), 2));
    }

    @Test
    void plotLimitsAreNamedAsThePlotsOwn() throws Exception {
        oneLine(cli("plot", "PerceptualDecisionMaking-v0", "--width", "2000000", "--out", dir.resolve("p.png").toString()), 2, "--width");
        CliTest.Result r = cli("plot", "PerceptualDecisionMaking-v0", "--trials", "100000", "--out", dir.resolve("p.png").toString());
        oneLine(r, 1, "the most a plot records");
        assertFalse(r.err().contains("does the agent ever end a trial"), r.err());
        nothingWritten();
    }

    @Test
    void newPluginWithAHugeNameWritesNothing() throws Exception {
        String name = "a" + "-b".repeat(150); // the project directory is named after it: 301 characters
        Path out = dir.resolve(name);
        oneLine(cli("new-plugin", name, "--out", out.toString()), 2, "too long", "nothing was written");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void configNamesPositionsOfUnknownIdsAndChecksThePluginsDirectory() throws Exception {
        Path f = dir.resolve("e.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMakin-v0\"\n");
        oneLine(cli("run", "--config", f.toString(), "--trials", "1"), 2, "unknown task", f + ":2:");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[[wrappers]]\nname = \"PassRewards\"\n");
        oneLine(cli("run", "--config", f.toString(), "--trials", "1"), 2, "PassRewards", f + ":4:");
        Files.writeString(f, "[platform]\nplugins = \"no-such-dir\"\n[env]\nname = \"PerceptualDecisionMaking-v0\"\n");
        oneLine(cli("config", "check", f.toString()), 2, "platform.plugins", "no-such-dir", f + ":2:");
        Files.write(f, "[env]\nname = \"PerceptualDecisionMaking-v0\" # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        oneLine(cli("run", "--config", f.toString(), "--trials", "1"), 2, "not UTF-8", "offset");
    }
}
