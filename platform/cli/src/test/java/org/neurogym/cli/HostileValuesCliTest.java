package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #16, "bad values never reach the data": each reproduction is refused in one line naming the key. */
class HostileValuesCliTest {
    @TempDir Path dir;

    private static CliTest.Result cli(String... args) {
        return CliTest.cli(args);
    }

    static void assertOneLineNaming(CliTest.Result r, String key) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertTrue(r.err().contains(key), "should name " + key + ": " + r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sigma=nan | sigma",
        "sigma=inf | sigma",
        "sigma=-inf | sigma",
        "dt=nan | dt",
        "rewards.correct=nan | rewards.correct",
        "cohs=[0, nan] | cohs[1]",
        "timing.stimulus=nan | timing.stimulus",
        "'timing.stimulus=[\"truncated_exponential\",[500,900,100]]' | timing.stimulus",
        "'timing.stimulus=[\"uniform\",[900,100]]' | timing.stimulus",
        "'timing.stimulus=[\"choice\",[]]' | timing.stimulus",
        "timing.stimulus=-100 | timing.stimulus",
    })
    void runRefusesTheValueNamingTheKey(String param, String key) {
        assertOneLineNaming(cli("run", "PerceptualDecisionMaking-v0", "--param", param, "--trials", "2"), key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"sigma=nan | sigma", "rewards.correct=inf | rewards.correct"})
    void datasetRefusesTheValueBeforeWritingAnything(String param, String key) throws Exception {
        Path out = dir.resolve("x.npz");
        assertOneLineNaming(cli("dataset", "PerceptualDecisionMaking-v0", "--param", param, "--batch", "2", "--seq", "10",
                "--batches", "1", "--out", out.toString()), key);
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MultiSensoryIntegration-v0 | dt=1000 | dt",
        "PerceptualDecisionMaking-v0 | dt=1e-300 | dt",
        "PerceptualDecisionMaking-v0 | timing.stimulus=1e12 | timing.stimulus",
    })
    void aDtOrTimingThatCannotMakeStepsIsRefusedAtConstruction(String task, String param, String key) {
        CliTest.Result r = cli("run", task, "--param", param, "--trials", "2");
        assertOneLineNaming(r, key);
        assertTrue(r.err().contains(task), "names the task id: " + r.err());
    }
}
