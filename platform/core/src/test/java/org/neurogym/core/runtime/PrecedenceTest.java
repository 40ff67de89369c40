package org.neurogym.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.spi.ApiVersion;
import org.neurogym.core.runtime.fixture.FixtureTask;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.Registry;

/**
 * Who keeps a contested id: never the file name or the directory order. The distribution's own
 * plugins are registered first; of two jars of one plugin id the higher version wins, at start-up
 * and under watch alike.
 */
class PrecedenceTest {
    @TempDir Path plugins;
    @TempDir Path work;

    private static final String GOOD = FixtureTask.Provider.class.getName();
    private static final long SETTLE = Duration.ofMillis(500).toNanos();

    private final Registry registry = new Registry();
    private Pf4jRuntime runtime;
    /** The jars the "distribution" of a test shipped: its list of built-in plugins, by content. */
    private final List<Path> distributionJars = new ArrayList<>();

    @AfterEach
    void close() {
        if (runtime != null) runtime.close();
    }

    private void start() {
        runtime = new Pf4jRuntime(plugins);
        runtime.builtIns(DistributionPlugins.of(distributionJars));
        runtime.start(registry);
    }

    /** A jar the test's distribution ships (listed by content, as the distribution's build lists its plugins). */
    private Path builtIn(String jar, String id, String version) throws Exception {
        Path p = PluginJars.fixtureJar(plugins, jar, PluginJars.headers(id, version, "*"), GOOD);
        distributionJars.add(p);
        return p;
    }

    /** The headers of a third-party jar that copies everything a distribution plugin's manifest says about its maker. */
    private static Map<String, String> copyingTheProviderHeader(String id, String version) {
        Map<String, String> h = new HashMap<>(PluginJars.headers(id, version, "*"));
        h.put("Plugin-Provider", "NeuroGym");
        return h;
    }

    private PluginInfo failureOf(String jar) {
        return registry.plugins().stream()
                .filter(p -> p.state() == PluginInfo.State.FAILED && p.location() != null && p.location().getFileName().toString().equals(jar))
                .findFirst().orElseThrow(() -> new AssertionError("no failure of " + jar + " in " + registry.plugins()));
    }

    private void impostorNeverRemovesTheBuiltIn(String impostorJar, String builtInJar) throws Exception {
        builtIn(builtInJar, "builtin", "0.1.0");
        // a third-party plugin claiming the built-in's task id, with a name that sorts first or last, a plugin
        // id that sorts first and the distribution's provider header copied into its manifest
        PluginJars.fixtureJar(plugins, impostorJar, copyingTheProviderHeader("aaa-impostor", "9.0.0"), GOOD);
        start();
        assertEquals("builtin", registry.task("FixtureTask-v0").plugin());
        assertEquals(PluginInfo.State.LOADED, registry.loadedPlugin("builtin").orElseThrow().state());
        PluginInfo impostor = failureOf(impostorJar);
        assertEquals("aaa-impostor", impostor.id());
        assertTrue(impostor.error().contains("claims ids another plugin already provides: task FixtureTask-v0 (provided by plugin builtin)"),
                impostor.error());
    }

    @Test
    void anImpostorNamedToSortFirstNeverRemovesABuiltInPlugin() throws Exception {
        impostorNeverRemovesTheBuiltIn("0-dup-task.jar", "neurogym-plugin-builtin.jar");
    }

    @Test
    void anImpostorNamedToSortLastNeverRemovesABuiltInPluginEither() throws Exception {
        impostorNeverRemovesTheBuiltIn("zz-dup-task.jar", "a-builtin.jar");
    }

    /** Same plugin id, same version, the provider header copied: the jar the distribution shipped wins, whatever the names. */
    private void aCopiedHeaderClaimsNothing(String impostorJar, String builtInJar) throws Exception {
        builtIn(builtInJar, "builtin", "0.1.0");
        PluginJars.fixtureJar(plugins, impostorJar, copyingTheProviderHeader("builtin", "0.1.0"), FixtureTask.SecondProvider.class.getName());
        start();
        PluginInfo loaded = registry.loadedPlugin("builtin").orElseThrow();
        assertEquals(builtInJar, loaded.location().getFileName().toString());
        assertTrue(failureOf(impostorJar).error().contains("at equal versions the distribution's own plugin wins"), failureOf(impostorJar).error());
    }

    @Test
    void aThirdPartyJarCopyingTheProviderHeaderIsNotBuiltIn() throws Exception {
        aCopiedHeaderClaimsNothing("0-builtin.jar", "neurogym-plugin-builtin.jar");
    }

    @Test
    void aThirdPartyJarCopyingTheProviderHeaderIsNotBuiltInWithTheFileNamesReversed() throws Exception {
        aCopiedHeaderClaimsNothing("zz-builtin.jar", "a-builtin.jar");
    }

    @Test
    void theDistributionsListIsTheSha256sumOfItsPluginJars() throws Exception {
        Path a = builtIn("a.jar", "a", "1.0.0");
        Path b = builtIn("b.jar", "b", "1.0.0");
        Path list = work.resolve("lib").resolve(DistributionPlugins.FILE_NAME);
        DistributionPlugins.main(new String[] {plugins.toString(), list.toString()});
        List<String> lines = Files.readAllLines(list);
        assertEquals(List.of(PluginPrecedence.digest(a) + "  a.jar", PluginPrecedence.digest(b) + "  b.jar"), lines);
        DistributionPlugins read = DistributionPlugins.read(list);
        assertTrue(read.contains(a) && read.contains(b));
        Path copy = PluginJars.fixtureJar(work, "a-copy.jar", copyingTheProviderHeader("a", "1.0.0"), GOOD);
        assertTrue(!read.contains(copy), "a look-alike jar is not on the list");
        assertTrue(!DistributionPlugins.NONE.contains(a));
    }

    private void higherVersionWinsAtStartUp(String v1Jar, String v2Jar) throws Exception {
        PluginJars.fixtureJar(plugins, v1Jar, PluginJars.headers("stop-lab", "0.1.0", "*"), GOOD);
        PluginJars.fixtureJar(plugins, v2Jar, PluginJars.headers("stop-lab", "0.2.0", "*"), GOOD);
        start();
        PluginInfo loaded = registry.loadedPlugin("stop-lab").orElseThrow();
        assertEquals("0.2.0", loaded.version());
        assertEquals(v2Jar, loaded.location().getFileName().toString());
        assertTrue(failureOf(v1Jar).error().contains("stop-lab 0.1.0 (" + v1Jar + ") is shadowed by stop-lab 0.2.0 (" + v2Jar + ")"),
                failureOf(v1Jar).error());
    }

    @Test
    void v1AndV2AtStartUpGiveV2() throws Exception {
        higherVersionWinsAtStartUp("stop-lab-0.1.0.jar", "stop-lab-0.2.0.jar");
    }

    @Test
    void v1AndV2AtStartUpGiveV2WithTheFileNamesReversed() throws Exception {
        higherVersionWinsAtStartUp("stop-lab-0.2.0.jar", "stop-lab-0.1.0.jar");
    }

    /** Under watch: {@code first} is there at start, {@code second} arrives; v2 ends up loaded either way. */
    private void higherVersionWinsUnderWatch(String first, String firstVersion, String second, String secondVersion) throws Exception {
        PluginJars.fixtureJar(plugins, first, PluginJars.headers("stop-lab", firstVersion, "*"), GOOD);
        start();
        assertEquals(firstVersion, registry.loadedPlugin("stop-lab").orElseThrow().version());
        DirectoryWatcher w = new DirectoryWatcher(runtime, Duration.ofMillis(250), Duration.ofMillis(500));
        long t = 0;
        PluginJars.fixtureJar(plugins, second, PluginJars.headers("stop-lab", secondVersion, "*"), GOOD);
        w.scan(t += 1);
        w.scan(t += SETTLE);
        PluginInfo loaded = registry.loadedPlugin("stop-lab").orElseThrow();
        assertEquals("0.2.0", loaded.version());
        String v1Jar = firstVersion.equals("0.1.0") ? first : second;
        assertTrue(failureOf(v1Jar).error().contains("is shadowed by stop-lab 0.2.0"), failureOf(v1Jar).error());
        assertTrue(registry.hasTask("FixtureTask-v0"));

        // v2 leaves: v1, shadowed until now, takes over
        Path v2 = plugins.resolve(firstVersion.equals("0.2.0") ? first : second);
        Files.delete(v2);
        w.scan(t += 1);
        assertEquals("0.1.0", registry.loadedPlugin("stop-lab").orElseThrow().version());
        assertTrue(registry.plugins().stream().noneMatch(p -> p.state() == PluginInfo.State.FAILED), registry.plugins().toString());
    }

    @Test
    void v2ArrivingUnderWatchReplacesV1() throws Exception {
        higherVersionWinsUnderWatch("stop-lab-0.1.0.jar", "0.1.0", "stop-lab-0.2.0.jar", "0.2.0");
    }

    @Test
    void v2ArrivingUnderWatchReplacesV1WithTheFileNamesReversed() throws Exception {
        higherVersionWinsUnderWatch("stop-lab-0.2.0.jar", "0.1.0", "stop-lab-0.1.0.jar", "0.2.0");
    }

    @Test
    void v1ArrivingUnderWatchIsShadowedByTheLoadedV2() throws Exception {
        higherVersionWinsUnderWatch("stop-lab-0.2.0.jar", "0.2.0", "stop-lab-0.1.0.jar", "0.1.0");
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertTrue(PluginPrecedence.compareVersions("0.10.0", "0.9.0") > 0);
        assertTrue(PluginPrecedence.compareVersions("0.2.0", "0.2.0-SNAPSHOT") > 0);
        assertTrue(PluginPrecedence.compareVersions("1", "1.0.0") == 0);
        assertTrue(PluginPrecedence.compareVersions("0.1.0", "0.2.0-SNAPSHOT") < 0);
    }

    @Test
    void theClasspathRuntimeRefusesAProviderJarWhosePluginRequiresExcludesTheHostApi() throws Exception {
        Path future = PluginJars.fixtureJar(work, "future.jar", PluginJars.headers("future", "1.0.0", "[9.0.0,10.0.0)"), GOOD);
        // a class path of the jar alone over the host's api
        try (URLClassLoader loader = new URLClassLoader(new URL[] {future.toUri().toURL()}, apiOnly())) {
            ClasspathRuntime classpath = new ClasspathRuntime(loader);
            classpath.start(registry);
            assertTrue(registry.loadedPlugin("future").isEmpty(), registry.plugins().toString());
            assertTrue(!registry.hasTask("FixtureTask-v0"));
            PluginInfo refused = failureOf("future.jar");
            assertEquals("future", refused.id());
            assertTrue(refused.error().contains("requires api [9.0.0,10.0.0) but this host provides api " + ApiVersion.current()),
                    refused.error());
            classpath.close();
        }
        // the same jar with a range that holds the host's api loads
        Path fitting = PluginJars.fixtureJar(work, "fitting.jar", PluginJars.headers("fitting", "1.0.0", "[" + ApiVersion.current() + ",99.0.0)"), GOOD);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {fitting.toUri().toURL()}, apiOnly())) {
            ClasspathRuntime classpath = new ClasspathRuntime(loader);
            classpath.start(registry);
            assertEquals("fitting", registry.task("FixtureTask-v0").plugin());
            classpath.close();
        }
    }

    /** A loader that sees the api and SLF4J of the test's class path but none of the test's fixture classes. */
    private static ClassLoader apiOnly() {
        ClassLoader test = PrecedenceTest.class.getClassLoader();
        return new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.neurogym.api.") || name.startsWith("org.slf4j.")) return test.loadClass(name);
                return super.loadClass(name, resolve);
            }

            @Override
            public java.util.Enumeration<URL> getResources(String name) {
                return java.util.Collections.emptyEnumeration();
            }
        };
    }
}
