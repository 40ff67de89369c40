package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsAndAssembleTest {
    @TempDir Path dir;

    static CliTest.Result cli(String... args) {
        return CliTest.cli(args);
    }

    /** The packaged perceptual plugin jar (from the local repository, or next to its classes in a reactor build). */
    static Path perceptualJar() throws Exception {
        Class<?> c = Class.forName("org.neurogym.tasks.perceptual.PerceptualTasks");
        Path source = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(source)) return source;
        try (Stream<Path> s = Files.list(source.getParent())) {
            Path jar = s.filter(p -> p.getFileName().toString().matches("neurogym-plugin-perceptual-.*\\.jar")).findFirst().orElse(null);
            assumeTrue(jar != null, "the perceptual jar is not packaged yet");
            return jar;
        }
    }

    @Test
    void pluginsListShowsLoadedAndFailedPluginsWithTheirTasks() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        Files.copy(perceptualJar(), plugins.resolve("perceptual-copy.jar"));
        CliTest.Result r = cli("--plugins-dir", plugins.toString(), "plugins", "list", "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"id\":\"perceptual\",\"version\":\"0.1.0-SNAPSHOT\",\"state\":\"loaded\",\"runtime\":\"classpath\""), o);
        assertTrue(o.contains("\"PerceptualDecisionMaking-v0\""), o);
        assertTrue(o.contains("\"id\":\"broken.jar\",\"version\":\"\",\"state\":\"failed\",\"runtime\":\"pf4j\""), o);
        assertTrue(o.contains("notareadablejar"), o);
        assertTrue(o.contains("pluginid'perceptual'ofperceptual-copy.jarisalreadyloadedfrom"), o);
        CliTest.Result text = cli("--plugins-dir", plugins.toString(), "plugins", "list");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("failed") && text.out().contains("2 failed"), text.out());
    }

    @Test
    void pluginsWatchPrintsOneJsonLinePerEvent() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new String[] {
                "plugins", "watch", "--dir", watched.toString(), "--json", "--max-events", "2", "--timeout", "60"},
                new PrintWriter(out, true), new PrintWriter(err, true)));
        Thread.sleep(300);
        Path tmp = watched.resolve(".incoming.part");
        Files.copy(perceptualJar(), tmp);
        Files.move(tmp, watched.resolve("perceptual.jar"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!out.toString().contains("\"loaded\"") && System.nanoTime() < deadline) Thread.sleep(50);
        Files.delete(watched.resolve("perceptual.jar"));
        assertEquals(0, run.get(60, TimeUnit.SECONDS), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("{\"event\":\"loaded\",\"plugin\":\"perceptual\",\"version\":\"0.1.0-SNAPSHOT\""), lines.get(0));
        assertTrue(lines.get(0).contains("PerceptualDecisionMaking-v0"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"event\":\"unloaded\",\"plugin\":\"perceptual\""), lines.get(1));
    }

    @Test
    void pluginsWatchNeedsADirectory() {
        CliTest.Result r = cli("plugins", "watch", "--dir", dir.resolve("absent").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a directory"), r.err());
    }

    @Test
    void theOsgiRuntimeIsChosenOnTheCommandLine() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("osgi"));
        CliTest.Result r = cli("--runtime", "osgi", "--plugins-dir", plugins.toString(), "list", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PerceptualDecisionMaking-v0"), "class-path plugins stay: " + r.out());
        CliTest.Result bad = cli("--runtime", "karaf", "list");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--runtime"), bad.err());
    }

    /** A stand-in distribution home: launcher, libraries, config and two plugin jars. */
    private Path fakeHome() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/neurogym"), "#!/bin/sh\necho neurogym\n");
        home.resolve("bin/neurogym").toFile().setExecutable(true);
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/neurogym-api.jar"), "stand-in");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/neurogym.toml"), "[env]\n");
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(perceptualJar(), home.resolve("plugins/neurogym-plugin-perceptual.jar"));
        return home;
    }

    @Test
    void assembleWritesADistributionWithOnlyTheChosenPlugins() throws Exception {
        Path home = fakeHome();
        Path out = dir.resolve("custom");
        CliTest.Result r = cli("assemble", "--from", home.toString(), "--plugins", "perceptual", "--out", out.toString(), "--archive", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isExecutable(out.resolve("bin/neurogym")));
        assertTrue(Files.exists(out.resolve("lib/neurogym-api.jar")));
        assertTrue(Files.exists(out.resolve("config/neurogym.toml")));
        try (Stream<Path> s = Files.list(out.resolve("plugins"))) {
            assertEquals(List.of("neurogym-plugin-perceptual.jar"), s.map(p -> p.getFileName().toString()).toList());
        }
        Path tarball = dir.resolve("custom.tar.gz");
        assertTrue(Files.size(tarball) > 0);
        assertTrue(r.out().contains("\"archive\": \"" + tarball.toAbsolutePath()), r.out());
        if (new java.io.File("/bin/tar").exists() || new java.io.File("/usr/bin/tar").exists()) {
            Process p = new ProcessBuilder("tar", "-tzvf", tarball.toString()).redirectErrorStream(true).start();
            String listing = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), listing);
            assertTrue(listing.contains("custom/plugins/neurogym-plugin-perceptual.jar"), listing);
            assertTrue(listing.lines().anyMatch(l -> l.contains("custom/bin/neurogym") && l.startsWith("-rwx")), listing);
        }
    }

    @Test
    void assembleRefusesUnknownPluginsBadJarsAndAFullDirectory() throws Exception {
        Path home = fakeHome();
        CliTest.Result unknown = cli("assemble", "--from", home.toString(), "--plugins", "perceptul", "--out", dir.resolve("a").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown plugin 'perceptul'") && unknown.err().contains("perceptual"), unknown.err());
        Path notAJar = Files.writeString(dir.resolve("x.jar"), "nope");
        CliTest.Result bad = cli("assemble", "--from", home.toString(), "--plugins", "perceptual", "--add", notAJar.toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--add: " + notAJar + " is not a readable jar"), bad.err());
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/file"), "x");
        CliTest.Result full = cli("assemble", "--from", home.toString(), "--plugins", "perceptual", "--out", dir.resolve("full").toString());
        assertEquals(2, full.code());
        assertTrue(full.err().contains("is not an empty directory"), full.err());
        assertFalse(Files.exists(dir.resolve("a")));
        CliTest.Result noHome = cli("assemble", "--plugins", "perceptual", "--out", dir.resolve("c").toString());
        assertEquals(2, noHome.code());
        assertTrue(noHome.err().contains("--from HOME"), noHome.err());
    }
}
