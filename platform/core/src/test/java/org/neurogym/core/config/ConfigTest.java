package org.neurogym.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir Path dir;

    @Test
    void readsTheEnvSectionWithNestedTables() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, """
                [env]
                name = "PerceptualDecisionMaking-v0"
                dt = 20
                cohs = [0, 12.8]
                [env.timing]
                stimulus = ["uniform", [400, 600]]
                """);
        ExperimentConfig c = ExperimentConfig.load(f);
        assertEquals("PerceptualDecisionMaking-v0", c.env().name());
        assertEquals(20L, c.env().params().get("dt"));
        assertEquals(List.of(0L, 12.8), c.env().params().get("cohs"));
        assertEquals(Map.of("stimulus", List.of("uniform", List.of(400L, 600L))), c.env().params().get("timing"));
    }

    @Test
    void invalidTomlReportsFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.toml");
        Files.writeString(f, "[env]\nname = \"X-v0\"\ndt = = 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(f));
        assertEquals(3, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().contains("bad.toml:3:" + e.column()), e.getMessage());
    }

    @Test
    void unknownSectionIsRefusedWithItsPosition() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ExperimentConfig.parse("[env]\nname = \"A-v0\"\n\n[envv]\nx = 1\n", Path.of("exp.toml")));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("unknown section 'envv'"), e.getMessage());
    }

    @Test
    void envNameIsRequired() {
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.parse("[env]\ndt = 100\n", Path.of("x.toml")));
        assertEquals("env.name", e.key());
        assertEquals(1, e.line());
    }

    @Test
    void errorsAboutAKeyPointAtIt() {
        ExperimentConfig c = ExperimentConfig.parse("[env]\nname = \"A-v0\"\n  sigma = \"loud\"\n", Path.of("exp.toml"));
        ConfigException e = c.error("env.sigma", "parameter 'sigma' must be a number");
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().endsWith("at exp.toml:3:3"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(dir.resolve("nope.toml")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void commandLineValuesAreReadAsToml() {
        assertEquals(0.5, TomlValues.parseValue("0.5"));
        assertEquals(3L, TomlValues.parseValue("3"));
        assertEquals(true, TomlValues.parseValue("true"));
        assertEquals(List.of(0L, 6.4), TomlValues.parseValue("[0, 6.4]"));
        assertEquals("hello", TomlValues.parseValue("hello"));
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        TomlValues.assign(m, "timing.stimulus=500");
        TomlValues.assign(m, "timing.delay=[100, 200]");
        assertEquals(Map.of("timing", Map.of("stimulus", 500L, "delay", List.of(100L, 200L))), m);
        assertThrows(IllegalArgumentException.class, () -> TomlValues.assign(m, "novalue"));
    }
}
