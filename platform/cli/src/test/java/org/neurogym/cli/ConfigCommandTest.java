package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    @TempDir Path dir;

    @Test
    void checkAcceptsAValidExperiment() throws Exception {
        Path f = dir.resolve("experiment.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\nsigma = 0.5\n[monitor]\ninterval = 100\n");
        CliTest.Result r = CliTest.cli("config", "check", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid"), r.out());
    }

    @Test
    void checkNamesFileLineColumnAndKey() throws Exception {
        Path f = dir.resolve("experiment.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[monitor.plot]\nstep = -3\n");
        CliTest.Result r = CliTest.cli("config", "check", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("monitor.plot.step must be a positive integer, got -3 at " + f + ":4:8"), r.err());
    }

    @Test
    void checkMakesTheTaskSoParameterErrorsArePositioned() throws Exception {
        Path f = dir.resolve("experiment.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n  sigma = \"loud\"\n");
        CliTest.Result r = CliTest.cli("config", "check", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ":3:3"), r.err());
    }

    @Test
    void showPrintsTheEffectiveConfigurationWithExplicitValuesOnTop() throws Exception {
        Path f = dir.resolve("experiment.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[monitor]\ninterval = 100\ntrigger = \"step\"\n");
        CliTest.Result r = CliTest.cli("config", "show", "--config", f.toString(), "--set", "monitor.interval=7");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("interval = 7"), r.out());
        assertTrue(r.out().contains("trigger = \"step\""), r.out());
        assertTrue(r.out().contains("[dataset]"), r.out());
        assertTrue(r.out().contains("title = \"PerceptualDecisionMaking-v0\""), r.out());
        CliTest.Result json = CliTest.cli("config", "show", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"local_dir\": \"runs\""), json.out());
    }
}
