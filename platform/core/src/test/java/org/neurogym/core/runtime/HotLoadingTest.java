package org.neurogym.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.core.Host;
import org.neurogym.core.runtime.fixture.FixtureTask;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.Registry;
import org.neurogym.core.registry.RegistryListener;
import org.neurogym.core.registry.UnknownIdException;

/** Jars added, removed, replaced and half-written while the host runs. */
class HotLoadingTest {
    @TempDir Path plugins;
    @TempDir Path work;

    private static final String GOOD = FixtureTask.Provider.class.getName();
    private static final long SETTLE = Duration.ofMillis(500).toNanos();

    private final Registry registry = new Registry();
    private final List<String> events = new ArrayList<>();
    private Pf4jRuntime runtime;

    private void start() {
        registry.addListener(new RegistryListener() {
            @Override public void loaded(PluginInfo p) { events.add("loaded " + p.id() + " " + p.version()); }
            @Override public void unloaded(PluginInfo p) { events.add("unloaded " + p.id() + " " + p.version()); }
            @Override public void failed(PluginInfo p) { events.add("failed " + p.id()); }
        });
        runtime = new Pf4jRuntime(plugins);
        runtime.start(registry);
    }

    @AfterEach
    void close() {
        if (runtime != null) runtime.close();
    }

    private Path jar(String name, String version) throws Exception {
        return PluginJars.fixtureJar(work, name, PluginJars.headers("fixture", version, "*"), GOOD);
    }

    private PluginInfo plugin(String id) {
        return registry.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** A watcher driven by hand with a made-up clock: the test decides when time passes. */
    private DirectoryWatcher manualWatcher() {
        return new DirectoryWatcher(runtime, Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void addedRemovedAndReplacedJarsFollowTheDirectory() throws Exception {
        start();
        DirectoryWatcher w = manualWatcher();
        long t = 0;
        Files.copy(jar("v1.jar", "1.0.0"), plugins.resolve("fixture.jar"));
        w.scan(t);
        assertFalse(registry.hasTask("FixtureTask-v0"), "not before the jar has been quiet for the settle time");
        w.scan(t += SETTLE);
        assertEquals("1.0.0", plugin("fixture").version());
        assertTrue(registry.hasTask("FixtureTask-v0"));
        assertTrue(Files.list(runtime.stagingDirectory()).findAny().isPresent(), "a staged copy is what is loaded");

        // replaced by a new version (a different size and time)
        Path v2 = jar("v2.jar", "2.0.0-with-a-longer-version");
        Files.copy(v2, plugins.resolve("fixture.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(plugins.resolve("fixture.jar"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        w.scan(t += 1);
        w.scan(t += SETTLE);
        assertEquals("2.0.0-with-a-longer-version", plugin("fixture").version());

        // removed
        Files.delete(plugins.resolve("fixture.jar"));
        w.scan(t += 1);
        assertFalse(registry.hasTask("FixtureTask-v0"));
        assertNull(plugin("fixture"));
        assertEquals(List.of("loaded fixture 1.0.0", "unloaded fixture 1.0.0", "loaded fixture 2.0.0-with-a-longer-version",
                "unloaded fixture 2.0.0-with-a-longer-version"), events);
    }

    @Test
    void aHalfWrittenJarIsNeverLoadedHalfAndACopyRenamedIntoPlaceLoadsOnce() throws Exception {
        start();
        DirectoryWatcher w = manualWatcher();
        byte[] bytes = Files.readAllBytes(jar("whole.jar", "1.0.0"));
        Path target = plugins.resolve("fixture.jar");
        Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
        long t = 0;
        for (int i = 0; i < 4; i++) w.scan(t += SETTLE / 2);
        assertTrue(events.isEmpty(), "a half-written jar that went quiet for a while is waited for: " + events);
        Files.write(target, bytes);
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        w.scan(t += 1);
        w.scan(t += SETTLE);
        assertEquals(List.of("loaded fixture 1.0.0"), events, "loaded once, complete, never reported as failed");

        // copy under a hidden temporary name, then rename: seen once, whole
        Path tmp = plugins.resolve(".other.jar.part");
        PluginJars.fixtureJar(plugins, ".other.jar.part", PluginJars.headers("other", "1.0.0", "*"),
                FixtureTask.SecondProvider.class.getName());
        w.scan(t += SETTLE);
        w.scan(t += SETTLE);
        assertEquals(1, events.size(), "a hidden file is not a plugin: " + events);
        Files.move(tmp, plugins.resolve("other.jar"), StandardCopyOption.ATOMIC_MOVE);
        w.scan(t += 1);
        w.scan(t += SETTLE);
        assertEquals(List.of("loaded fixture 1.0.0", "loaded other 1.0.0"), events);
    }

    @Test
    void aCopyThatStallsAgainAndAgainIsReportedOnceThenLoadsWhenComplete() throws Exception {
        start();
        DirectoryWatcher w = manualWatcher();
        byte[] bytes = Files.readAllBytes(jar("whole.jar", "1.0.0"));
        Path target = plugins.resolve("fixture.jar");
        long t = 0;
        long mtime = System.currentTimeMillis();
        for (int stall = 1; stall <= 4; stall++) {
            // another chunk arrives, then the copy stalls for longer than the watcher waits
            Files.write(target, Arrays.copyOf(bytes, bytes.length * stall / 5));
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(mtime += 1000));
            for (int i = 0; i < 12; i++) w.scan(t += SETTLE);
        }
        assertEquals(List.of("failed fixture.jar"), events, "reported once however long and often the copy stalls");
        Files.write(target, bytes);
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(mtime += 1000));
        w.scan(t += 1);
        w.scan(t += SETTLE);
        assertEquals(List.of("failed fixture.jar", "loaded fixture 1.0.0"), events);
    }

    /** A loaded plugin's jar overwritten in place (truncated, then rewritten): at most one failed event, then the new version. */
    @Test
    void anInPlaceOverwriteOfALoadedJarFailsAtMostOnce() throws Exception {
        start();
        DirectoryWatcher w = manualWatcher();
        Path target = plugins.resolve("fixture.jar");
        long mtime = System.currentTimeMillis();
        long t = 0;
        Files.copy(jar("v1.jar", "1.0.0"), target);
        w.scan(t += 1);
        w.scan(t += SETTLE);
        assertEquals(List.of("loaded fixture 1.0.0"), events);

        // a quick overwrite: the new bytes are complete before the watcher acts, so nothing fails
        byte[] v2 = Files.readAllBytes(jar("v2.jar", "2.0.0"));
        Files.write(target, Arrays.copyOf(v2, v2.length / 3));
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(mtime += 1000));
        w.scan(t += 1);
        Files.write(target, v2);
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(mtime += 1000));
        w.scan(t += 1);
        w.scan(t += SETTLE);
        assertEquals(List.of("loaded fixture 1.0.0", "unloaded fixture 1.0.0", "loaded fixture 2.0.0"), events);

        // a slow overwrite that stalls again and again past the watcher's patience: one failed event at most
        byte[] v3 = Files.readAllBytes(jar("v3.jar", "3.0.0"));
        for (int stall = 1; stall <= 4; stall++) {
            Files.write(target, Arrays.copyOf(v3, v3.length * stall / 5));
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(mtime += 1000));
            for (int i = 0; i < 12; i++) w.scan(t += SETTLE);
        }
        Files.write(target, v3);
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(mtime += 1000));
        w.scan(t += 1);
        w.scan(t += SETTLE);
        List<String> slow = events.subList(3, events.size());
        assertTrue(slow.stream().filter(e -> e.startsWith("failed")).count() <= 1, "at most one failed event: " + slow);
        assertEquals("loaded fixture 3.0.0", slow.get(slow.size() - 1), "then the complete jar loads: " + slow);
        assertEquals("3.0.0", plugin("fixture").version());
    }

    @Test
    void aJarThatStaysCorruptIsReportedOnceAfterAWait() throws Exception {
        start();
        DirectoryWatcher w = manualWatcher();
        Files.write(plugins.resolve("broken.jar"), new byte[] {'P', 'K', 1, 2, 3});
        long t = 0;
        for (int i = 0; i < 20; i++) w.scan(t += SETTLE);
        assertEquals(List.of("failed broken.jar"), events);
    }

    @Test
    void theOriginalJarCanBeDeletedOrReplacedWhileItsPluginRuns() throws Exception {
        Files.copy(jar("v1.jar", "1.0.0"), plugins.resolve("fixture.jar"));
        start();
        try (Env env = registry.task("FixtureTask-v0").descriptor().create(Map.of())) {
            Files.delete(plugins.resolve("fixture.jar"));
            env.reset(1);
            for (int i = 0; i < 100; i++) env.step(1);
            assertEquals(plugins.resolve("fixture.jar"), plugin("fixture").location(), "listed under its original jar");
        }
    }

    @Test
    void envsOfAnUnloadedPluginKeepWorkingAndNewMakesSayItWasUnloaded() throws Exception {
        Files.copy(jar("v1.jar", "1.0.0"), plugins.resolve("fixture.jar"));
        start();
        Env env = registry.task("FixtureTask-v0").descriptor().create(Map.of());
        env.reset(3);
        runtime.removed(plugins.resolve("fixture.jar"));
        UnknownIdException e = assertThrows(UnknownIdException.class, () -> registry.task("FixtureTask-v0"));
        assertTrue(e.getMessage().contains("plugin fixture 1.0.0 that provided it was unloaded"), e.getMessage());
        int trials = 0;
        for (int i = 0; i < 1000; i++) {
            StepResult r = env.step(1);
            if (r.newTrial()) trials++;
        }
        assertTrue(trials > 0, "the env still runs trials after its plugin was unloaded");
        env.close();
    }

    @Test
    void theWatcherThreadLoadsAndUnloadsWithinSeconds() throws Exception {
        try (Host host = Host.builder().pluginsDirectory(plugins).watch(true).build()) {
            long t0 = System.nanoTime();
            Files.copy(jar("v1.jar", "1.0.0"), plugins.resolve("fixture.jar"));
            await(() -> host.registry().hasTask("FixtureTask-v0"), "the copied jar's task appears");
            long loadedAfter = System.nanoTime() - t0;
            try (Env env = host.make("FixtureTask-v0")) {
                env.reset(0);
                env.step(0);
            }
            t0 = System.nanoTime();
            Files.delete(plugins.resolve("fixture.jar"));
            await(() -> !host.registry().hasTask("FixtureTask-v0"), "the removed jar's task disappears");
            System.out.printf("hot load after %d ms, unload after %d ms%n", loadedAfter / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Polls with a generous deadline: a slow machine delays, it does not fail. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void unloadingReleasesTheClassLoader() throws Exception {
        Path source = jar("v1.jar", "1.0.0");
        start();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        var classes = java.lang.management.ManagementFactory.getClassLoadingMXBean();
        long unloadedBefore = classes.getUnloadedClassCount();
        for (int i = 0; i < 50; i++) {
            Path target = plugins.resolve("fixture.jar");
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(PluginInfo.State.LOADED, runtime.load(target).state());
            loaders.add(useOnce());
            runtime.removed(target);
            Files.delete(target);
        }
        for (int attempt = 0; attempt < 50 && loaders.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        long alive = loaders.stream().filter(r -> r.get() != null).count();
        assertEquals(0, alive, "plugin class loaders still reachable after unloading");
        long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
        assertTrue(unloaded >= 50, "the plugins' classes were unloaded (" + unloaded + ")");
        try (Stream<Path> staged = Files.list(runtime.stagingDirectory())) {
            assertEquals(0, staged.count(), "staged copies are deleted on unload");
        }
    }

    /** Makes, steps and closes an env; returns a weak reference to its class loader. */
    private WeakReference<ClassLoader> useOnce() {
        try (Env env = registry.task("FixtureTask-v0").descriptor().create(Map.of())) {
            env.reset(0);
            for (int s = 0; s < 20; s++) env.step(s % 2);
            ClassLoader cl = env.getClass().getClassLoader();
            assertNotNull(cl);
            return new WeakReference<>(cl);
        }
    }
}
