package org.neurogym.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.distribution.DistributionIT.Result;

/** The plugin platform through the launcher: one jar three doors, hot loading, OSGi, assembling. */
class PluginPlatformIT {
    static final Path DIST = DistributionIT.DIST;
    /** How long a hot-load event may take: the acceptance bound (a load takes well under a second). */
    static final Duration EVENT_DEADLINE = Duration.ofSeconds(5);

    static Result launcher(Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", home.resolve("bin/neurogym").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("ngym", ".out");
        Path err = Files.createTempFile("ngym", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("neurogym " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static List<Path> distPlugins() throws IOException {
        try (Stream<Path> s = Files.list(DIST.resolve("plugins"))) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static Path jarOf(String prefix) throws IOException {
        return distPlugins().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void everyPluginJarIsAPlainJarAPf4jPluginAndABundle() throws IOException {
        for (Path jar : distPlugins()) {
            try (JarFile j = new JarFile(jar.toFile())) {
                Attributes a = j.getManifest().getMainAttributes();
                String n = jar.getFileName().toString();
                assertTrue(j.getEntry("META-INF/services/org.neurogym.api.spi.TaskProvider") != null
                        || j.getEntry("META-INF/services/org.neurogym.api.spi.WrapperProvider") != null, n + ": services");
                for (String h : List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires")) assertNotNull(a.getValue(h), n + ": " + h);
                assertEquals("2", a.getValue("Bundle-ManifestVersion"), n);
                assertNotNull(a.getValue("Bundle-SymbolicName"), n);
                assertTrue(a.getValue("Import-Package").contains("org.neurogym.api;version=\"[0.2.0,0.3.0)\""), n + ": " + a.getValue("Import-Package"));
                assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("org/pf4j/") || e.getName().startsWith("org/neurogym/api/")),
                        n + ": no PF4J and no api inside");
            }
        }
    }

    private static String digest(String json) {
        Matcher m = Pattern.compile("\"digest\": \"([0-9a-f]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    @Test
    void theOsgiRuntimeListsTheSameTasksAndRunsTheSameDigest() throws Exception {
        Result pf4j = DistributionIT.neurogym("list", "--json");
        Result osgi = DistributionIT.neurogym("--runtime", "osgi", "list", "--json");
        assertEquals(0, osgi.code(), osgi.err());
        assertEquals(pf4j.out(), osgi.out());
        Result wrappers = DistributionIT.neurogym("--runtime", "osgi", "wrappers", "--json");
        assertEquals(0, wrappers.code(), wrappers.err());
        assertEquals(DistributionIT.neurogym("wrappers", "--json").out(), wrappers.out());
        String[] run = {"run", "PerceptualDecisionMaking-v0", "--agent", "random", "--trials", "50", "--seed", "7", "--json"};
        Result a = DistributionIT.neurogym(run);
        List<String> osgiRun = new ArrayList<>(List.of("--runtime", "osgi"));
        osgiRun.addAll(List.of(run));
        Result b = DistributionIT.neurogym(osgiRun.toArray(String[]::new));
        assertEquals(0, b.code(), b.err());
        assertEquals(digest(a.out()), digest(b.out()));
        Result plugins = DistributionIT.neurogym("--runtime", "osgi", "plugins", "list", "--json");
        assertTrue(plugins.out().contains("\"runtime\": \"osgi\""), plugins.out());
        assertFalse(plugins.out().contains("\"state\": \"failed\""), plugins.out());
    }

    /** A copy of {@code jar} whose Plugin-Version is {@code version}. */
    static void withVersion(Path jar, Path out, String version) throws IOException {
        HostRulesIT.withHeaders(jar, out, java.util.Map.of("Plugin-Version", version));
    }

    @Test
    void aRunningHostLoadsReplacesAndUnloadsJarsDroppedIntoItsDirectory(@TempDir Path work) throws Exception {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        Files.writeString(dir.resolve("junk.jar"), "not a jar");
        Path v2 = work.resolve("perceptual-next.jar");
        withVersion(jarOf("neurogym-plugin-perceptual-"), v2, "0.1.1");
        Process p = new ProcessBuilder("sh", DIST.resolve("bin/neurogym").toString(), "plugins", "watch", "--dir", dir.toString(),
                "--json", "--max-events", "5", "--timeout", "120").redirectError(work.resolve("err.txt").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException e) {
                lines.add("read error " + e);
            }
        });
        reader.start();
        try {
            String first = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(first, "the watcher started");
            assertTrue(first.contains("\"event\":\"failed\",\"plugin\":\"junk.jar\""), first);

            // copy under a temporary name, then rename into place
            Path tmp = dir.resolve(".perceptual.jar.part");
            Files.copy(jarOf("neurogym-plugin-perceptual-"), tmp);
            long t0 = System.nanoTime();
            Files.move(tmp, dir.resolve("perceptual.jar"), StandardCopyOption.ATOMIC_MOVE);
            String loaded = next(lines, "loaded");
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(loaded.contains("\"version\":\"0.1.0-SNAPSHOT\"") && loaded.contains("PerceptualDecisionMaking-v0"), loaded);

            // replace it by a new version
            t0 = System.nanoTime();
            Files.copy(v2, dir.resolve(".next.part"));
            Files.move(dir.resolve(".next.part"), dir.resolve("perceptual.jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertTrue(next(lines, "unloaded").contains("\"version\":\"0.1.0-SNAPSHOT\""));
            assertTrue(next(lines, "loaded").contains("\"version\":\"0.1.1\""));
            long replaceMs = (System.nanoTime() - t0) / 1_000_000;

            // remove it
            t0 = System.nanoTime();
            Files.delete(dir.resolve("perceptual.jar"));
            assertTrue(next(lines, "unloaded").contains("\"version\":\"0.1.1\""));
            long removeMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("plugins watch: loaded after %d ms, replaced after %d ms, removed after %d ms%n", loadMs, replaceMs, removeMs);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "watch stops after --max-events");
            assertEquals(0, p.exitValue(), Files.readString(work.resolve("err.txt")));
        } finally {
            p.destroy();
        }
    }

    private static String next(BlockingQueue<String> lines, String event) throws InterruptedException {
        String l = lines.poll(EVENT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(l, "no '" + event + "' event within " + EVENT_DEADLINE.toSeconds() + " s");
        assertTrue(l.startsWith("{\"event\":\"" + event + "\""), l);
        return l;
    }

    @Test
    void assembleWritesADistributionWithOnlyTheChosenPlugins(@TempDir Path work) throws Exception {
        Path out = work.resolve("lab");
        List<String> args = new ArrayList<>(List.of("assemble", "--plugins", "perceptual,wrappers", "--out", out.toString(), "--archive"));
        Path example = exampleJar();
        args.addAll(List.of("--add", example.toString()));
        Result r = DistributionIT.neurogym(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(work.resolve("lab.tar.gz")) > 0);

        Result list = launcher(out, "list", "--json");
        assertEquals(0, list.code(), list.err());
        List<String> plugins = new ArrayList<>();
        Matcher m = Pattern.compile("\"plugin\": \"([^\"]+)\"").matcher(list.out());
        while (m.find()) if (!plugins.contains(m.group(1))) plugins.add(m.group(1));
        assertEquals(List.of("example", "perceptual"),
                plugins.stream().sorted().toList(), "only the chosen plugins' tasks: " + list.out());
        Result all = DistributionIT.neurogym("list", "--json");
        long perceptualTasks = all.out().lines().filter(l -> l.contains("\"plugin\": \"perceptual\"")).count();
        assertEquals(perceptualTasks, list.out().lines().filter(l -> l.contains("\"plugin\": \"perceptual\"")).count());
        Result wrappers = launcher(out, "wrappers", "--json");
        assertEquals(0, wrappers.code(), wrappers.err());
        assertTrue(wrappers.out().contains("\"Noise\""), wrappers.out());
        Result run = launcher(out, "run", "PerceptualDecisionMaking-v0", "--agent", "oracle", "--trials", "20", "--json");
        assertEquals(0, run.code(), run.err());
    }

    /** The standalone example plugin, which the build makes before the integration tests (maven-invoker-plugin). */
    static Path exampleJar() {
        String p = System.getProperty("neurogym.example.jar");
        assertNotNull(p, "system property neurogym.example.jar is not set");
        assertTrue(Files.isRegularFile(Path.of(p)), "the example plugin was not built: " + p);
        return Path.of(p);
    }

    @Test
    void theStandaloneExamplePluginDropsInAndRuns(@TempDir Path plugins) throws Exception {
        Path example = exampleJar();
        Files.copy(example, plugins.resolve(example.getFileName()));
        Map<String, String> env = Map.of("NEUROGYM_PLUGINS", plugins.toString());
        Result list = DistributionIT.neurogym(env, "list", "--json");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("\"id\": \"ExampleGo-v0\"") && list.out().contains("\"plugin\": \"example\""), list.out());
        Result run = DistributionIT.neurogym(env, "run", "ExampleGo-v0", "--agent", "oracle", "--trials", "100", "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\"meanPerformance\": 1.0"), run.out());
        Result osgi = DistributionIT.neurogym(env, "--runtime", "osgi", "run", "ExampleGo-v0", "--agent", "oracle", "--trials", "100", "--json");
        assertEquals(0, osgi.code(), osgi.err());
        assertEquals(digest(run.out()), digest(osgi.out()));
    }
}
