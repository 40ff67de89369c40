package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurogym.cli.CliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options run, plot, psychometric, bench and dataset share, and the CLI's pointed messages. */
class SharedOptionsTest {
    @TempDir Path dir;

    @Test
    void aDrawnDatasetSeedIsReportedAndRepeatsTheFile() throws Exception {
        Path first = dir.resolve("a.npz");
        CliTest.Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "2", "--seq", "20", "--batches", "2",
                "--threads", "1", "--out", first.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("seed (-?\\d+) \\(drawn; --seed \\1 repeats it\\)").matcher(r.out());
        assertTrue(m.find(), r.out());
        Path again = dir.resolve("b.npz");
        CliTest.Result repeat = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "2", "--seq", "20", "--batches", "2",
                "--seed", m.group(1), "--out", again.toString());
        assertEquals(0, repeat.code(), repeat.err());
        assertTrue(!repeat.out().contains("drawn"), repeat.out());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again));
    }

    @Test
    void everyCommandReportsTheSeedItUsed() {
        CliTest.Result run = cli("run", "PerceptualDecisionMaking-v0", "--trials", "2", "--json");
        assertEquals("0", run.field("seed"));
        CliTest.Result plot = cli("plot", "PerceptualDecisionMaking-v0", "--seed", "5", "--out", dir.resolve("p.png").toString());
        assertEquals(0, plot.code(), plot.err());
        assertTrue(plot.out().contains("seed 5"), plot.out());
    }

    @Test
    void lengthOptionsAreCheckedAlikeEverywhere() {
        String png = dir.resolve("x.png").toString();
        for (String[] command : new String[][] {{"run"}, {"plot", "--out", png}}) {
            CliTest.Result both = cli(with(command, "--trials", "3", "--steps", "4"));
            assertEquals(2, both.code(), command[0]);
            assertTrue(both.err().contains("give --trials or --steps, not both"), both.err());
            CliTest.Result zero = cli(with(command, "--steps", "0"));
            assertEquals(2, zero.code(), command[0]);
            assertTrue(zero.err().contains("--steps must be positive, got 0"), zero.err());
        }
        CliTest.Result zeroTrials = cli("psychometric", "PerceptualDecisionMaking-v0", "--trials", "0", "--out", dir.resolve("c.png").toString());
        assertEquals(2, zeroTrials.code());
        assertTrue(zeroTrials.err().contains("--trials must be positive, got 0"), zeroTrials.err());
        CliTest.Result threads = cli("bench", "PerceptualDecisionMaking-v0", "--threads", "0");
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("--threads must be at least 1, got 0"), threads.err());
    }

    /** A command shows only the options it accepts: psychometric counts trials and has no --steps. */
    @Test
    void psychometricOffersOnlyTheLengthItAccepts() {
        CliTest.Result help = cli("psychometric", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("--trials=N"), help.out());
        assertTrue(!help.out().contains("--steps"), help.out());
        for (String command : new String[] {"run", "plot"}) {
            CliTest.Result other = cli(command, "--help");
            assertTrue(other.out().contains("--trials=N") && other.out().contains("--steps=N"), command + ": " + other.out());
        }
        CliTest.Result steps = cli("psychometric", "PerceptualDecisionMaking-v0", "--steps", "100", "--out", dir.resolve("c.png").toString());
        assertEquals(2, steps.code());
        assertTrue(steps.err().contains("Unknown option") && steps.err().contains("'--steps'"), steps.err());
    }

    private static String[] with(String[] command, String... more) {
        String[] all = new String[command.length + 1 + more.length];
        all[0] = command[0];
        all[1] = "PerceptualDecisionMaking-v0";
        System.arraycopy(command, 1, all, 2, command.length - 1);
        System.arraycopy(more, 0, all, command.length + 1, more.length);
        return all;
    }

    @Test
    void anUnknownWrapperPointsAtTheWrappersCommand() {
        CliTest.Result r = cli("run", "PerceptualDecisionMaking-v0", "--wrap", "Nois");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean Noise?") && r.err().contains("'neurogym wrappers' shows them"), r.err());
    }

    @Test
    void theClasspathRuntimeSaysItDoesNotReadThePluginsDirectory() throws Exception {
        // tests run with every plugin on the class path, so ask for what no plugin provides
        CliTest.Result tag = cli("--runtime", "classpath", "list", "--tag", "no-such-tag");
        assertEquals(2, tag.code());
        assertTrue(tag.err().contains("the classpath runtime does not read the plugins/ directory"), tag.err());
        CliTest.Result task = cli("--runtime", "classpath", "run", "NoSuchTask-v0");
        assertEquals(2, task.code());
        assertTrue(task.err().contains("the classpath runtime does not read the plugins/ directory"), task.err());
        CliTest.Result pf4j = cli("--runtime", "pf4j", "--plugins-dir", dir.toString(), "run", "NoSuchTask-v0");
        assertTrue(!pf4j.err().contains("classpath runtime"), pf4j.err());
    }

    @Test
    void theCheckTableNamesItsStatusColumn() {
        CliTest.Result r = cli("check", "PerceptualDecisionMaking-v0");
        assertTrue(r.out().lines().findFirst().orElse("").matches("TASK\\s+CHECK\\s+STATUS\\s+DETAIL"), r.out());
    }
}
