package org.neurogym.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agents;
import org.neurogym.core.Host;
import org.neurogym.core.runtime.fixture.FixtureTask;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.UnknownIdException;
import org.neurogym.core.run.Runner;

class Pf4jRuntimeTest {
    @TempDir Path plugins;

    private static final String GOOD = FixtureTask.Provider.class.getName();

    private PluginInfo plugin(Host host, String id) {
        return host.registry().plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void loadsAPluginJarInItsOwnClassLoaderWithTheApiFromTheHost() throws Exception {
        PluginJars.fixtureJar(plugins, "fixture.jar", PluginJars.headers("fixture", "1.2.3", ">=0.2.0 & <0.3.0"), GOOD);
        try (Host host = Host.builder().pluginsDirectory(plugins).build()) {
            PluginInfo info = plugin(host, "fixture");
            assertEquals(PluginInfo.State.LOADED, info.state());
            assertEquals("1.2.3", info.version());
            assertEquals("pf4j", info.runtime());
            assertEquals(java.util.List.of("FixtureTask-v0"), info.tasks());
            try (Env env = host.make("FixtureTask-v0")) {
                assertNotSame(FixtureTask.class.getClassLoader(), env.getClass().getClassLoader(), "task class comes from the plugin jar");
                assertSame(TrialEnv.class, env.getClass().getSuperclass(), "the api is shared with the host");
                var report = Runner.run("FixtureTask-v0", env, Agents.oracle(env), "oracle", 0, Runner.Limit.trials(10));
                assertEquals(1.0, report.meanPerformance());
            }
        }
    }

    @Test
    void brokenJarsAreReportedAndTheGoodOneStillLoads() throws Exception {
        PluginJars.fixtureJar(plugins, "a-good.jar", PluginJars.headers("fixture", "1.0.0", "*"), GOOD);
        Files.write(plugins.resolve("b-corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        PluginJars.fixtureJar(plugins, "c-nometadata.jar", Map.of(), GOOD);
        PluginJars.fixtureJar(plugins, "d-newer-api.jar", PluginJars.headers("future", "1.0.0", ">=9.0.0"), GOOD);
        PluginJars.fixtureJar(plugins, "e-throwing.jar", PluginJars.headers("throwing", "1.0.0", "*"),
                FixtureTask.ThrowingProvider.class.getName());
        PluginJars.fixtureJar(plugins, "f-empty.jar", PluginJars.headers("empty", "1.0.0", "*"), null);
        try (Host host = Host.builder().pluginsDirectory(plugins).build()) {
            assertEquals(PluginInfo.State.LOADED, plugin(host, "fixture").state());
            assertTrue(host.registry().hasTask("FixtureTask-v0"));

            PluginInfo corrupt = plugin(host, "b-corrupt.jar");
            assertEquals(PluginInfo.State.FAILED, corrupt.state());
            assertTrue(corrupt.error().contains("b-corrupt.jar"), corrupt.error());

            assertEquals(PluginInfo.State.FAILED, plugin(host, "c-nometadata.jar").state());

            PluginInfo future = plugin(host, "future");
            assertEquals(PluginInfo.State.FAILED, future.state());
            assertTrue(future.error().contains("requires api >=9.0.0"), future.error());

            PluginInfo throwing = plugin(host, "throwing");
            assertEquals(PluginInfo.State.FAILED, throwing.state());
            assertTrue(throwing.error().contains("boom in constructor"), throwing.error());

            PluginInfo empty = plugin(host, "empty");
            assertTrue(empty.error().contains("no TaskProvider or WrapperProvider"), empty.error());
        }
    }

    @Test
    void closingTheHostUnloadsItsPlugins() throws Exception {
        PluginJars.fixtureJar(plugins, "fixture.jar", PluginJars.headers("fixture", "1.0.0", "*"), GOOD);
        Host host = Host.builder().pluginsDirectory(plugins).build();
        assertTrue(host.registry().hasTask("FixtureTask-v0"));
        host.close();
        assertThrows(UnknownIdException.class, () -> host.registry().task("FixtureTask-v0"));
    }

    @Test
    void aMissingDirectoryLoadsNothingAndDoesNotFail() {
        try (Host host = Host.builder().pluginsDirectory(plugins.resolve("absent")).build()) {
            assertTrue(host.tasks().isEmpty());
        }
    }
}
