package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurogym.cli.CliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections of an experiment file that steer the CLI itself: [agent.inference] and [platform]. */
class ExperimentFileTest {
    @TempDir Path dir;

    @Test
    void agentInferenceSetsTheRunLengthUnlessTheCommandLineDoes() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[agent.inference]\nunit = \"step\"\nvalue = 333\n");
        assertEquals("333", cli("run", "--config", f.toString(), "--json").field("steps"));
        assertEquals("50", cli("run", "--config", f.toString(), "--steps", "50", "--json").field("steps"));
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[agent.inference]\nunit = \"trial\"\nvalue = 7\n");
        assertEquals("7", cli("run", "--config", f.toString(), "--agent", "oracle", "--json").field("trials"));
    }

    @Test
    void platformPluginsDirectoryIsResolvedAgainstTheFileAndChecked() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[platform]\nplugins = \"nowhere\"\n");
        CliTest.Result r = cli("info", "--config", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("platform.plugins") && r.err().contains(dir.resolve("nowhere").toString()), r.err());
        Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[platform]\nplugins = \"plugins\"\nruntime = \"pf4j\"\n");
        assertEquals(0, cli("info", "--config", f.toString()).code());
    }

    @Test
    void platformRuntimeChoosesTheRuntimeAndTheFlagWins() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[platform]\nplugins = \"plugins\"\nruntime = \"osgi\"\n");
        CliTest.Result osgi = cli("info", "--config", f.toString(), "--json");
        assertEquals(0, osgi.code(), osgi.err());
        CliTest.Result flag = cli("--runtime", "classpath", "info", "--config", f.toString(), "--json");
        assertEquals(0, flag.code(), flag.err());
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n[platform]\nruntime = \"felix\"\n");
        CliTest.Result bad = cli("info", "--config", f.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("platform.runtime") && bad.err().contains("felix"), bad.err());
    }
}
