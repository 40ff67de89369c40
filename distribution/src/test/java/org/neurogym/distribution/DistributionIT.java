package org.neurogym.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the assembled distribution's launcher as a user would. */
class DistributionIT {
    static final Path DIST = Path.of(System.getProperty("neurogym.dist", "target/neurogym"));

    record Result(int code, String out, String err) {}

    static Result neurogym(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", DIST.resolve("bin/neurogym").toString()));
        cmd.addAll(List.of(args));
        // a scratch working directory: whatever a command writes relative to it (Monitor runs) stays out of the tree
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Files.createTempDirectory("ngym-cwd").toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("ngym", ".out");
        Path err = Files.createTempFile("ngym", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("neurogym " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static Result neurogym(String... args) throws IOException, InterruptedException {
        return neurogym(java.util.Map.of(), args);
    }

    @Test
    void layoutHasLauncherLibrariesPluginsAndConfig() throws IOException {
        assertTrue(Files.isExecutable(DIST.resolve("bin/neurogym")));
        assertTrue(Files.exists(DIST.resolve("config/neurogym.toml")));
        assertTrue(Files.exists(DIST.resolve("config/logback.xml")));
        try (Stream<Path> lib = Files.list(DIST.resolve("lib")); Stream<Path> plugins = Files.list(DIST.resolve("plugins"))) {
            List<String> libs = lib.map(p -> p.getFileName().toString()).toList();
            List<String> jars = plugins.map(p -> p.getFileName().toString()).toList();
            assertTrue(libs.stream().anyMatch(n -> n.startsWith("neurogym-api-")), libs.toString());
            assertTrue(libs.stream().noneMatch(n -> n.startsWith("neurogym-plugin-")), "plugins stay out of lib/: " + libs);
            assertTrue(jars.stream().anyMatch(n -> n.startsWith("neurogym-plugin-perceptual-")), jars.toString());
        }
    }

    @Test
    void tasksComeFromThePluginJars() throws Exception {
        Result r = neurogym("list", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"id\": \"PerceptualDecisionMaking-v0\""), r.out());
        assertTrue(r.out().contains("\"plugin\": \"perceptual\""), r.out());
    }

    @Test
    void infoAndOracleRun() throws Exception {
        Result info = neurogym("info", "PerceptualDecisionMaking-v0", "--json");
        assertEquals(0, info.code(), info.err());
        String o = info.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"observationSpace\":{\"type\":\"Box\",\"shape\":[3]"), o);
        assertTrue(o.contains("\"actionSpace\":{\"type\":\"Discrete\",\"n\":3,\"names\":{\"fixation\":[0],\"choice\":[1,2]}}"), o);
        Result run = neurogym("run", "PerceptualDecisionMaking-v0", "--agent", "oracle", "--trials", "200", "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\"meanPerformance\": 1.0"), run.out());
    }

    @Test
    void theShippedConfigurationRuns() throws Exception {
        Result r = neurogym("run", "--config", DIST.resolve("config/neurogym.toml").toString(), "--agent", "oracle", "--trials", "20");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PerceptualDecisionMaking-v0"), r.out());
    }

    @Test
    void aBrokenPluginJarIsReportedAndTheOthersKeepWorking(@TempDir Path plugins) throws Exception {
        try (Stream<Path> jars = Files.list(DIST.resolve("plugins"))) {
            for (Path j : jars.toList()) Files.copy(j, plugins.resolve(j.getFileName()));
        }
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        Result r = neurogym(java.util.Map.of("NEUROGYM_PLUGINS", plugins.toString()), "run", "PerceptualDecisionMaking-v0", "--trials", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("broken.jar"), "the failure is reported: " + r.err());
    }

    @Test
    void unknownTaskExitsTwo() throws Exception {
        Result r = neurogym("info", "NoSuchTask-v0");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("neurogym: unknown task 'NoSuchTask-v0'"), r.err());
    }
}
