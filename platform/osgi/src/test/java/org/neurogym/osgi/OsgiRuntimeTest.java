package org.neurogym.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agents;
import org.neurogym.core.Host;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.core.run.RunReport;
import org.neurogym.core.run.Runner;
import org.osgi.framework.Bundle;

class OsgiRuntimeTest {
    @TempDir Path plugins;

    /** The built jar of the plugin that holds {@code providerClass} (bnd and PF4J headers included). */
    static Path pluginJar(Class<?> providerClass) throws Exception {
        Path source = Path.of(providerClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(source)) return source;
        // inside a reactor build before packaging: look for the packaged jar next to the classes
        try (Stream<Path> s = Files.list(source.getParent())) {
            Path jar = s.filter(p -> p.getFileName().toString().endsWith(".jar")
                    && !p.getFileName().toString().endsWith("-sources.jar")).findFirst().orElse(null);
            assumeTrue(jar != null, "the plugin jar is not packaged yet: " + source);
            return jar;
        }
    }

    static Path perceptual() throws Exception {
        return pluginJar(Class.forName("org.neurogym.tasks.perceptual.PerceptualTasks"));
    }

    static Path wrappers() throws Exception {
        return pluginJar(Class.forName("org.neurogym.wrappers.StandardWrappers"));
    }

    private PluginInfo plugin(Host host, String id) {
        return host.registry().plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void pluginJarsRunAsBundlesWithTheHostsApiAndTheSameResults() throws Exception {
        Files.copy(perceptual(), plugins.resolve("perceptual.jar"));
        Files.copy(wrappers(), plugins.resolve("wrappers.jar"));
        OsgiRuntime osgi = new OsgiRuntime(plugins);
        try (Host bundles = Host.builder().runtime(osgi).build();
             Host classpath = Host.classpath(getClass().getClassLoader())) {
            PluginInfo p = plugin(bundles, "perceptual");
            assertEquals(PluginInfo.State.LOADED, p.state(), String.valueOf(p.error()));
            assertEquals("osgi", p.runtime());
            assertEquals(PluginInfo.State.LOADED, plugin(bundles, "wrappers").state());
            assertEquals(ids(classpath.tasks()), ids(bundles.tasks()), "the same tasks as on the class path");
            assertFalse(bundles.wrappers().isEmpty());
            Bundle b = Stream.of(osgi.framework().getBundleContext().getBundles())
                    .filter(x -> x.getSymbolicName().equals("org.neurogym.plugin.perceptual")).findFirst().orElseThrow();
            assertEquals(Bundle.ACTIVE, b.getState());

            try (Env a = bundles.make("PerceptualDecisionMaking-v0"); Env c = classpath.make("PerceptualDecisionMaking-v0")) {
                assertNotSame(c.getClass(), a.getClass(), "the task class comes from the bundle");
                assertSame(TrialEnv.class, a.getClass().getSuperclass(), "the api is the host's");
                RunReport ra = Runner.run("PerceptualDecisionMaking-v0", a, Agents.random(a.actionSpace(), 5), "random", 5, Runner.Limit.trials(50));
                RunReport rc = Runner.run("PerceptualDecisionMaking-v0", c, Agents.random(c.actionSpace(), 5), "random", 5, Runner.Limit.trials(50));
                assertEquals(rc.digest(), ra.digest(), "the same seeded run gives the same digest");
            }
        }
    }

    private static List<String> ids(List<TaskEntry> tasks) {
        return tasks.stream().map(TaskEntry::id).toList();
    }

    @Test
    void brokenBundlesAreReportedAndTheGoodOneServes() throws Exception {
        Files.copy(perceptual(), plugins.resolve("a-perceptual.jar"));
        Files.write(plugins.resolve("b-corrupt.jar"), new byte[] {'P', 'K', 9});
        // the wrappers jar with an api import range no host satisfies (and no PF4J range to catch it first)
        rewrite(wrappers(), plugins.resolve("c-future.jar"), mf -> {
            mf.getMainAttributes().remove(new java.util.jar.Attributes.Name("Plugin-Requires"));
            String imports = mf.getMainAttributes().getValue("Import-Package");
            mf.getMainAttributes().putValue("Import-Package", imports.replace("[0.2.0,0.3.0)", "[9.0.0,10.0.0)"));
        });
        try (Host host = Host.builder().runtime(new OsgiRuntime(plugins)).build()) {
            assertEquals(PluginInfo.State.LOADED, plugin(host, "perceptual").state());
            PluginInfo corrupt = plugin(host, "b-corrupt.jar");
            assertEquals(PluginInfo.State.FAILED, corrupt.state());
            assertTrue(corrupt.error().contains("not a readable jar"), corrupt.error());
            PluginInfo future = plugin(host, "wrappers");
            assertEquals(PluginInfo.State.FAILED, future.state());
            assertTrue(future.error().contains("cannot resolve plugin wrappers") && future.error().contains("org.neurogym.api"), future.error());
            try (Env env = host.make("PerceptualDecisionMaking-v0")) {
                assertEquals(1.0, Runner.run("p", env, Agents.oracle(env), "oracle", 0, Runner.Limit.trials(20)).meanPerformance());
            }
        }
    }

    @Test
    void aPlainPluginJarWithoutBundleHeadersStillRuns() throws Exception {
        rewrite(perceptual(), plugins.resolve("plain.jar"), mf -> {
            var a = mf.getMainAttributes();
            a.keySet().removeIf(k -> k.toString().startsWith("Bundle-") || k.toString().equals("Import-Package")
                    || k.toString().equals("Require-Capability"));
        });
        try (Host host = Host.builder().runtime(new OsgiRuntime(plugins)).build()) {
            assertEquals(PluginInfo.State.LOADED, plugin(host, "perceptual").state(), String.valueOf(plugin(host, "perceptual").error()));
            try (Env env = host.make("PerceptualDecisionMaking-v0")) {
                env.reset(0);
                env.step(0);
            }
        }
    }

    @Test
    void bundlesAreInstalledAndUninstalledLiveFromTheWatchedDirectory() throws Exception {
        OsgiRuntime osgi = new OsgiRuntime(plugins);
        try (Host host = Host.builder().runtime(osgi).build()) {
            osgi.watch(Duration.ofMillis(100), Duration.ofMillis(300));
            Path tmp = plugins.resolve(".perceptual.jar.part");
            Files.copy(perceptual(), tmp);
            Files.move(tmp, plugins.resolve("perceptual.jar"));
            await(() -> host.registry().hasTask("PerceptualDecisionMaking-v0"));
            Env env = host.make("PerceptualDecisionMaking-v0");
            Files.delete(plugins.resolve("perceptual.jar"));
            await(() -> !host.registry().hasTask("PerceptualDecisionMaking-v0"));
            env.reset(1);
            for (int i = 0; i < 500; i++) env.step(i % 3);
            env.close();
        }
    }

    static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }

    static void rewrite(Path from, Path to, java.util.function.Consumer<Manifest> edit) throws IOException {
        try (JarFile in = new JarFile(from.toFile())) {
            Manifest mf = new Manifest(in.getManifest());
            edit.accept(mf);
            try (OutputStream os = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(os, mf)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) continue;
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream is = in.getInputStream(entry)) {
                        is.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

}
