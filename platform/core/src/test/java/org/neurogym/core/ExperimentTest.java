package org.neurogym.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.core.config.ConfigException;
import org.neurogym.core.config.ExperimentConfig;

/** Experiments made in core: a TOML path or an ExperimentConfig gives an env, errors at file:line:col. */
class ExperimentTest {
    @TempDir Path dir;

    @Test
    void aTomlPathGivesTheTaskWithItsParameters() throws Exception {
        Path f = Files.writeString(dir.resolve("e.toml"), "[env]\nname = \"PerceptualDecisionMaking-v0\"\ndim_ring = 4\n");
        try (Host host = Host.classpath(getClass().getClassLoader()); Env env = host.make(f)) {
            assertEquals(5, ((Box) env.observationSpace()).shape()[0]);
        }
    }

    @Test
    void aBadParameterInTheFileIsReportedAtItsLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("e.toml"), "[env]\nname = \"PerceptualDecisionMaking-v0\"\n\nsigma = \"loud\"\n");
        try (Host host = Host.classpath(getClass().getClassLoader())) {
            ConfigException e = assertThrows(ConfigException.class, () -> host.make(f));
            assertEquals("env.sigma", e.key());
            assertEquals(f, e.file());
            assertEquals(4, e.line());
            assertTrue(e.getMessage().contains(f + ":4:"), e.getMessage());
        }
    }

    @Test
    void explicitValuesGoOverTheFileAndTheirErrorsAreTheirOwn() throws Exception {
        ExperimentConfig file = ExperimentConfig.parse("[env]\nname = \"PerceptualDecisionMaking-v0\"\ndim_ring = 4\nsigma = 1.0\n", Path.of("x.toml"));
        try (Host host = Host.classpath(getClass().getClassLoader())) {
            Experiment made = host.experiment(file).params(Map.of("dim_ring", 6)).make();
            try (Env env = made.env()) {
                assertEquals(7, ((Box) env.observationSpace()).shape()[0]);
                assertEquals(1.0, ((Number) made.params().get("sigma")).doubleValue());
            }
            ParameterException e = assertThrows(ParameterException.class,
                    () -> host.experiment(file).params(Map.of("dim_ring", "many")).make());
            assertEquals("dim_ring", e.key());
            // another task than the file's: the file's parameters do not apply to it
            try (Env other = host.experiment(file).task("PulseDecisionMaking-v0").wrappers(List.of()).make().env()) {
                assertEquals("PulseDecisionMaking-v0", host.experiment(file).task("PulseDecisionMaking-v0").make().task().id());
                other.reset(0);
            }
        }
    }
}
