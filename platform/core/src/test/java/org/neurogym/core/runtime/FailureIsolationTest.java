package org.neurogym.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.agent.Agents;
import org.neurogym.core.runtime.fixture.FixtureTask;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.Registry;
import org.neurogym.core.registry.RegistryListener;
import org.neurogym.core.run.Runner;

/**
 * Each way a plugin can be broken: it is reported once, naming the jar and what to do, it shows
 * as failed, and the good plugin next to it keeps serving.
 */
class FailureIsolationTest {
    @TempDir Path plugins;

    private static final String GOOD = FixtureTask.Provider.class.getName();
    private static final String SECOND = FixtureTask.SecondProvider.class.getName();
    private static final String THIRD = FixtureTask.ThirdProvider.class.getName();

    private final Registry registry = new Registry();
    private final List<String> failures = new ArrayList<>();
    private Pf4jRuntime runtime;

    private void start() {
        registry.addListener(new RegistryListener() {
            @Override public void failed(PluginInfo p) {
                failures.add(p.id() + "|" + (p.location() == null ? "" : p.location().getFileName()));
            }
        });
        runtime = new Pf4jRuntime(plugins);
        runtime.start(registry);
    }

    @AfterEach
    void close() {
        if (runtime != null) runtime.close();
    }

    /** The loaded plugin with this id, else the failure recorded under this plugin id or jar name. */
    private PluginInfo plugin(String key) {
        return registry.loadedPlugin(key).orElseGet(() -> registry.plugins().stream()
                .filter(p -> p.id().equals(key) || (p.location() != null && p.location().getFileName().toString().equals(key)))
                .findFirst().orElseThrow(() -> new AssertionError("no plugin " + key + " in " + registry.plugins())));
    }

    /** Failed, reported once, and the report names the plugin id and the jar. */
    private void assertFailedOnce(String id, String jar, String... fragments) {
        PluginInfo p = registry.plugins().stream()
                .filter(i -> i.state() == PluginInfo.State.FAILED && i.location() != null && i.location().getFileName().toString().equals(jar))
                .findFirst().orElseThrow(() -> new AssertionError("no failure of " + jar + " in " + registry.plugins()));
        assertEquals(id, p.id());
        for (String f : fragments) assertTrue(p.error().contains(f), "'" + f + "' in: " + p.error());
        assertEquals(1, failures.stream().filter((id + "|" + jar)::equals).count(), "reported once: " + failures);
    }

    private void assertGoodPluginServes() {
        assertEquals(PluginInfo.State.LOADED, plugin("fixture").state());
        try (Env env = registry.task("FixtureTask-v0").descriptor().create(Map.of())) {
            var report = Runner.run("FixtureTask-v0", env, Agents.oracle(env), "oracle", 1, Runner.Limit.trials(5));
            assertEquals(1.0, report.meanPerformance());
        }
    }

    private void good() throws Exception {
        PluginJars.fixtureJar(plugins, "a-good.jar", PluginJars.headers("fixture", "1.0.0", "*"), GOOD);
    }

    @Test
    void corruptJar() throws Exception {
        good();
        Files.write(plugins.resolve("b-corrupt.jar"), new byte[] {'P', 'K', 3, 4, 9, 9, 9});
        start();
        assertFailedOnce("b-corrupt.jar", "b-corrupt.jar", "b-corrupt.jar", "not a readable jar", "replace it");
        assertGoodPluginServes();
    }

    @Test
    void jarWithoutPluginMetadata() throws Exception {
        good();
        PluginJars.fixtureJar(plugins, "c-plain.jar", Map.of(), SECOND);
        start();
        assertFailedOnce("c-plain.jar", "c-plain.jar", "c-plain.jar", "no plugin metadata", "Plugin-Id");
        assertGoodPluginServes();
    }

    @Test
    void providerThrowingInItsConstructor() throws Exception {
        good();
        PluginJars.fixtureJar(plugins, "d-throwing.jar", PluginJars.headers("throwing", "1.0.0", "*"),
                FixtureTask.ThrowingProvider.class.getName());
        start();
        assertFailedOnce("throwing", "d-throwing.jar", "boom in constructor", "ThrowingProvider", "fix the provider");
        assertGoodPluginServes();
    }

    @Test
    void providerThrowingInItsStaticInitializer() throws Exception {
        good();
        PluginJars.fixtureJar(plugins, "e-static.jar", PluginJars.headers("static", "1.0.0", "*"),
                FixtureTask.StaticThrowingProvider.class.getName());
        start();
        assertFailedOnce("static", "e-static.jar", "boom in static initializer", "StaticThrowingProvider");
        assertGoodPluginServes();
    }

    @Test
    void incompatibleApiVersion() throws Exception {
        good();
        PluginJars.fixtureJar(plugins, "f-future.jar", PluginJars.headers("future", "1.0.0", ">=9.0.0 & <10.0.0"), SECOND);
        start();
        assertFailedOnce("future", "f-future.jar", "f-future.jar", "requires api >=9.0.0", "this host provides api");
        assertGoodPluginServes();
    }

    @Test
    void missingPluginDependencyThenItsArrivalAndDeparture() throws Exception {
        good();
        PluginJars.fixtureJar(plugins, "g-needy.jar", PluginJars.headers("needy", "1.0.0", "*", "base@>=1.0.0"), SECOND);
        start();
        assertFailedOnce("needy", "g-needy.jar", "g-needy.jar", "requires plugin 'base'", "add its jar");
        assertGoodPluginServes();

        // the dependency arrives: the waiting plugin loads with it
        Path base = PluginJars.fixtureJar(plugins, "base.jar", PluginJars.headers("base", "1.2.0", "*"), THIRD);
        assertEquals(PluginInfo.State.LOADED, runtime.load(base).state());
        assertEquals(PluginInfo.State.LOADED, plugin("needy").state());
        assertTrue(registry.hasTask("FixtureTask-v1"));

        // it leaves: its dependent goes too, and says why
        Files.delete(base);
        runtime.removed(base);
        assertFalse(registry.hasTask("FixtureTask-v2"));
        assertFalse(registry.hasTask("FixtureTask-v1"));
        assertTrue(plugin("needy").error().contains("because plugin base it depends on was unloaded"), plugin("needy").error());
        assertGoodPluginServes();
    }

    @Test
    void twoPluginsClaimingOneTaskId() throws Exception {
        good();
        // named to sort first: among third-party jars the plugin id decides the order, never the file name
        PluginJars.fixtureJar(plugins, "0-clash.jar", PluginJars.headers("rival", "1.0.0", "*"), GOOD);
        start();
        assertFailedOnce("rival", "0-clash.jar", "FixtureTask-v0", "provided by plugin fixture", "remove one of the plugins");
        assertEquals("fixture", registry.task("FixtureTask-v0").plugin());
        assertGoodPluginServes();
        // the first one goes: the other takes over the id, and the failure record goes with it
        runtime.removed(plugins.resolve("a-good.jar"));
        assertEquals("rival", registry.task("FixtureTask-v0").plugin());
        assertEquals(PluginInfo.State.LOADED, plugin("rival").state());
        assertTrue(registry.plugins().stream().noneMatch(p -> p.state() == PluginInfo.State.FAILED), registry.plugins().toString());
    }

    @Test
    void twoJarsWithOnePluginIdTheHigherVersionWinsAndTheOtherIsShadowed() throws Exception {
        good();
        PluginJars.fixtureJar(plugins, "i-twin.jar", PluginJars.headers("fixture", "2.0.0", "*"), GOOD);
        start();
        assertFailedOnce("fixture", "a-good.jar", "fixture 1.0.0 (a-good.jar) is shadowed by fixture 2.0.0 (i-twin.jar)",
                "the higher Plugin-Version wins");
        assertEquals("2.0.0", plugin("fixture").version());
        assertGoodPluginServes();
    }
}
