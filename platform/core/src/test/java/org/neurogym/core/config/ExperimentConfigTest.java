package org.neurogym.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
    @TempDir Path dir;

    static final String FULL = """
            local_dir = "out"

            [env]
            name = "PerceptualDecisionMaking-v0"
            dt = 20
            sigma = 0.5
            [env.timing]
            stimulus = 500

            [[wrappers]]
            name = "PassReward"

            [[wrappers]]
            name = "Noise"
            std_noise = 0.2

            [monitor]
            name = "m"
            trigger = "step"
            interval = 50
            verbose = false

            [monitor.plot]
            create = false
            step = 25
            ext = "png"

            [agent.training]
            unit = "step"
            value = 5000

            [agent.inference]
            unit = "trial"
            value = 20

            [dataset]
            batch = 32
            seq = 60
            seed = 7
            batch_first = true

            [platform]
            plugins = "my-plugins"
            runtime = "classpath"
            """;

    private static ExperimentConfig fromBuilder() {
        return ExperimentConfig.builder()
                .localDir("out")
                .env("PerceptualDecisionMaking-v0").param("dt", 20).param("sigma", 0.5).param("timing.stimulus", 500)
                .wrapper("PassReward", Map.of())
                .wrapper("Noise", Map.of("std_noise", 0.2))
                .set("monitor.name", "m").monitor("trigger", "step").monitor("interval", 50).set("monitor.verbose", false)
                .monitor("plot.create", false).monitor("plot.step", 25).set("monitor.plot.ext", "png")
                .training("step", 5000).inference("trial", 20)
                .dataset(32, 60, 7, true)
                .platform("my-plugins", "classpath")
                .build();
    }

    private static Map<String, Object> asMap() {
        return Map.of(
                "local_dir", "out",
                "env", Map.of("name", "PerceptualDecisionMaking-v0", "dt", 20, "sigma", 0.5, "timing", Map.of("stimulus", 500)),
                "wrappers", List.of(Map.of("name", "PassReward"), Map.of("name", "Noise", "std_noise", 0.2)),
                "monitor", Map.of("name", "m", "trigger", "step", "interval", 50, "verbose", false,
                        "plot", Map.of("create", false, "step", 25, "ext", "png")),
                "agent", Map.of("training", Map.of("unit", "step", "value", 5000), "inference", Map.of("unit", "trial", "value", 20)),
                "dataset", Map.of("batch", 32, "seq", 60, "seed", 7, "batch_first", true),
                "platform", Map.of("plugins", "my-plugins", "runtime", "classpath"));
    }

    @Test
    void theThreeWaysGiveTheSameConfiguration() {
        ExperimentConfig file = ExperimentConfig.parse(FULL, Path.of("experiment.toml"));
        assertEquals(file, fromBuilder());
        assertEquals(file, ExperimentConfig.fromMap(asMap()));
        assertEquals(file.toMap(), fromBuilder().toMap());

        assertEquals("out", file.localDir());
        assertEquals("PerceptualDecisionMaking-v0", file.env().name());
        assertEquals(Map.of("dt", 20L, "sigma", 0.5, "timing", Map.of("stimulus", 500L)), file.env().params());
        assertEquals(List.of("PassReward", "Noise"), file.wrappers().stream().map(WrapperConfig::name).toList());
        assertEquals(Map.of("name", "m", "trigger", "step", "interval", 50L, "verbose", false,
                "plot", Map.of("create", false, "step", 25L, "ext", "png")), file.monitor(), "the Monitor's parameters, as written");
        assertEquals(new AgentConfig(new AgentConfig.Run("step", 5000), new AgentConfig.Run("trial", 20)), file.agent());
        assertEquals(new DatasetConfig(32, 60, 7, true), file.dataset());
        assertEquals(new PlatformConfig("my-plugins", "classpath"), file.platform());
    }

    @Test
    void defaultsFillWhatIsNotWritten() {
        ExperimentConfig c = ExperimentConfig.parse("[env]\nname = \"A-v0\"\n", null);
        assertEquals("runs", c.localDir());
        assertEquals(Map.of(), c.monitor(), "the Monitor's defaults are its own, not re-coded here");
        assertFalse(c.hasMonitor());
        assertEquals(AgentConfig.DEFAULTS, c.agent());
        assertEquals(DatasetConfig.DEFAULTS, c.dataset());
        assertEquals(PlatformConfig.DEFAULTS, c.platform());
        assertTrue(c.wrappers().isEmpty());
        assertNull(ExperimentConfig.parse("", null).env());
    }

    @Test
    void effectiveTomlReadsBackToTheSameConfiguration() {
        ExperimentConfig c = fromBuilder();
        String toml = c.toToml();
        assertEquals(c, ExperimentConfig.parse(toml, null), toml);
    }

    @Test
    void explicitWinsOverFileWhichWinsOverEnvironmentVariables() throws Exception {
        Path f = dir.resolve("experiment.toml");
        Files.writeString(f, """
                [env]
                name = "A-v0"
                [monitor]
                interval = 200
                trigger = "step"
                """);
        Map<String, String> environment = Map.of(
                "NGYM_MONITOR__INTERVAL", "50",          // the file wins
                "NGYM_MONITOR__PLOT__STEP", "30",        // nothing else sets it
                "NGYM_LOCAL_DIR", "/tmp/from-env",
                "NGYM_DATASET__BATCH_FIRST", "true",
                "HOME", "/home/x");
        ExperimentConfig c = ExperimentConfig.sources().file(f).environment(environment)
                .explicit(Map.of("monitor", Map.of("trigger", "trial"), "local_dir", "explicit"))
                .resolve();
        assertEquals(200L, c.monitor().get("interval"));
        assertEquals("trial", c.monitor().get("trigger"));
        assertEquals(Map.of("step", 30L), c.monitor().get("plot"));
        assertEquals("explicit", c.localDir());
        assertTrue(c.dataset().batchFirst());
        assertEquals("environment variable NGYM_MONITOR__PLOT__STEP", c.where("monitor.plot.step"));
        assertEquals(f + ":4:1", c.where("monitor.interval"));

        ExperimentConfig envOnly = ExperimentConfig.sources().environment(environment).resolve();
        assertEquals(50L, envOnly.monitor().get("interval"));
        assertEquals("/tmp/from-env", envOnly.localDir());
    }

    @Test
    void variablesAreExpandedInStrings() {
        Map<String, String> environment = Map.of("HOME", "/home/ada", "RUN", "r7");
        ExperimentConfig c = ExperimentConfig.sources().environment(environment)
                .text("local_dir = \"${HOME}/neurogym/${RUN}\"\n[monitor]\nname = \"${TAG:-untagged}\"\n", Path.of("e.toml"))
                .resolve();
        assertEquals("/home/ada/neurogym/r7", c.localDir());
        assertEquals("untagged", c.monitor().get("name"));

        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.sources().environment(environment)
                .text("\n[platform]\nplugins = \"${NOPE}/plugins\"\n", Path.of("e.toml")).resolve());
        assertEquals("platform.plugins", e.key());
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        assertTrue(e.getMessage().contains("${NOPE}"), e.getMessage());
    }

    private static ConfigException invalid(String toml) {
        return assertThrows(ConfigException.class, () -> ExperimentConfig.parse(toml, Path.of("experiment.toml")));
    }

    private static void assertAt(ConfigException e, String key, int line, int column, String text) {
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().endsWith("at experiment.toml:" + line + ":" + column), e.getMessage());
    }

    @Test
    void outOfRangeValueNamesFileLineColumnAndKey() {
        String toml = "[env]\nname = \"A-v0\"\n\n[dataset]\nbatch = 10\n\n\n\n\n\n\nseq   = -3\n";
        ConfigException e = invalid(toml);
        assertAt(e, "dataset.seq", 12, 9, "dataset.seq must be a positive integer, got -3");
        assertEquals("dataset.seq must be a positive integer, got -3 at experiment.toml:12:9", e.getMessage());
    }

    /** [monitor] holds the Monitor's parameters: its own schema checks them (ExperimentFileTest), not this class. */
    @Test
    void theMonitorSectionIsKeptAsWrittenForTheMonitorToCheck() {
        ExperimentConfig c = ExperimentConfig.parse("[monitor]\nintervall = 10\n[monitor.plot]\ncolour = \"red\"\n", null);
        assertEquals(Map.of("intervall", 10L, "plot", Map.of("colour", "red")), c.monitor());
    }

    @Test
    void wrongTypesNameFileLineColumnAndKey() {
        assertAt(invalid("[dataset]\nbatch_first = \"yes\"\n"), "dataset.batch_first", 2, 15, "must be true or false, got \"yes\"");
        assertAt(invalid("[dataset]\nbatch = 2.5\n"), "dataset.batch", 2, 9, "must be a positive integer, got 2.5");
        assertAt(invalid("local_dir = 3\n"), "local_dir", 1, 13, "local_dir must be a string");
        assertAt(invalid("monitor = 3\n"), "monitor", 1, 11, "must be a table");
        assertAt(invalid("[env]\nname = \"A-v0\"\ndt = -5\n"), "env.dt", 3, 6, "env.dt must be a positive number");
    }

    @Test
    void badChoicesNameFileLineColumnAndKey() {
        assertAt(invalid("[agent.training]\nunit = \"epoch\"\n"), "agent.training.unit", 2, 8, "must be one of trial, step");
        assertAt(invalid("[platform]\nruntime = \"felix\"\n"), "platform.runtime", 2, 11, "must be one of classpath, pf4j, osgi");
    }

    @Test
    void unknownKeysNameFileLineColumnAndKey() {
        ConfigException e = invalid("[dataset]\nbatchh = 10\n");
        assertAt(e, "dataset.batchh", 2, 1, "unknown key 'batchh' in [dataset]");
        assertTrue(e.getMessage().contains("did you mean 'batch'"), e.getMessage());
        assertAt(invalid("[dataset]\nbatchfirst = true\n"), "dataset.batchfirst", 2, 1, "'batch_first'?");
        assertAt(invalid("[agent.train]\nunit = \"step\"\n"), "agent.train", 1, 1, "unknown key 'train' in [agent]");
    }

    @Test
    void environmentVariableErrorsNameTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentConfig.sources().environment(Map.of("NGYM_DATASET__BATCH", "0")).resolve());
        assertEquals("dataset.batch", e.key());
        assertTrue(e.getMessage().contains("environment variable NGYM_DATASET__BATCH"), e.getMessage());
    }

    @Test
    void onlyVariablesNamingAKnownSectionAndKeyAreConfiguration() {
        // a user's own variables that merely start with NGYM_ are ignored, whatever their value
        ExperimentConfig c = ExperimentConfig.sources().environment(Map.of(
                "NGYM_REF_PYTHONPATH", "/opt/ref:[broken",
                "NGYM_UNRELATED", "1",
                "NGYM_MONITR__INTERVAL", "5",
                "NGYM_DATASET__BATCHES", "9",
                "NGYM_AGENT__TRAINING", "3",
                "NGYM_PLATFORM", "x",
                "NGYM_DATASET__BATCH", "7")).resolve();
        assertEquals(ExperimentConfig.fromMap(Map.of("dataset", Map.of("batch", 7L))), c);
        assertEquals("environment variable NGYM_DATASET__BATCH", c.where("dataset.batch"));
        assertFalse(c.hasMonitor());
    }

    @Test
    void explicitValueErrorsSaySo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().set("dataset.seq", 0).build());
        assertEquals("dataset.seq", e.key());
        assertTrue(e.getMessage().contains("must be a positive integer, got 0 (from an explicit value)"), e.getMessage());
    }

    @Test
    void wrapperErrorsPointIntoTheirTable() {
        ExperimentConfig c = ExperimentConfig.parse("[[wrappers]]\nname = \"A\"\n\n[[wrappers]]\nname = \"B\"\nstd = 1\n", Path.of("w.toml"));
        ConfigException e = c.wrapperError(1, "std", "unknown parameter 'std'");
        assertEquals(6, e.line());
        assertEquals("wrappers[1].std", e.key());
    }
}
