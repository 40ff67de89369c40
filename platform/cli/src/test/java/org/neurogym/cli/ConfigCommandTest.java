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
        assertTrue(r.err().contains("monitor.plot.step: plot.step must be a positive integer up to 100000, got -3 at " + f + ":4:1"), r.err());
    }

    /** [monitor] is checked by the Monitor's own schema (its descriptor): its keys are nowhere else. */
    @Test
    void theMonitorSectionIsCheckedByTheMonitorsSchema() throws Exception {
        Path f = dir.resolve("experiment.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[monitor]\ninterval = 10\n  intervall = 10\n");
        CliTest.Result unknown = CliTest.cli("config", "check", f.toString());
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("monitor.intervall: unknown parameter 'intervall' for Monitor"), unknown.err());
        assertTrue(unknown.err().contains("did you mean 'interval'") && unknown.err().contains(f + ":5:3"), unknown.err());

        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[monitor]\ntrigger = \"trials\"\n");
        CliTest.Result choice = CliTest.cli("config", "check", f.toString());
        assertEquals(2, choice.code());
        assertTrue(choice.err().contains("monitor.trigger") && choice.err().contains("'trial' or 'step'") && choice.err().contains(f + ":4:1"),
                choice.err());

        // a parameter the Monitor declares is accepted in [monitor], though the experiment file never listed it
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[monitor]\nenv_name = \"pdm\"\n[monitor.plot]\ncolour = \"red\"\n");
        CliTest.Result plot = CliTest.cli("config", "check", f.toString());
        assertEquals(2, plot.code());
        assertTrue(plot.err().contains("monitor.plot.colour") && plot.err().contains(f + ":6:1"), plot.err());

        // a dataset does not apply the Monitor, and still refuses a [monitor] the Monitor would refuse
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[monitor]\nverbose = \"yes\"\n");
        CliTest.Result dataset = CliTest.cli("dataset", "--config", f.toString(), "--batch", "2", "--seq", "10", "--batches", "1",
                "--out", dir.resolve("d.npz").toString());
        assertEquals(2, dataset.code());
        assertTrue(dataset.err().contains("monitor.verbose") && dataset.err().contains(f + ":4:1"), dataset.err());
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
        CliTest.Result json = CliTest.cli("config", "show", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"local_dir\": \"runs\""), json.out());
    }
}
