package org.neurogym.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's rules seen from the launcher: precedence of the distribution's plugins, failure reports, NGYM_ variables, repository/. */
class HostRulesIT {
    /** A copy of {@code jar} with some manifest headers replaced: a third-party jar claiming what the original provides. */
    static void withHeaders(Path jar, Path out, Map<String, String> headers) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest mf = new Manifest(in.getManifest());
            headers.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream o = new JarOutputStream(os, mf)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) continue;
                    o.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream is = in.getInputStream(entry)) {
                        is.transferTo(o);
                    }
                    o.closeEntry();
                }
            }
        }
    }

    @Test
    void anImpostorNamedToSortFirstNeverRemovesTheBuiltInPerceptualPlugin(@TempDir Path plugins) throws Exception {
        for (Path jar : PluginPlatformIT.distPlugins()) Files.copy(jar, plugins.resolve(jar.getFileName()));
        // a copy of the perceptual plugin under another id, keeping its manifest's Plugin-Provider: NeuroGym:
        // built-in is the distribution's list of its jars' SHA-256, which no copied header can join
        withHeaders(PluginPlatformIT.jarOf("neurogym-plugin-perceptual-"), plugins.resolve("dup-task.jar"),
                Map.of("Plugin-Id", "dup-task"));
        DistributionIT.Result list = DistributionIT.neurogym("--plugins-dir", plugins.toString(), "list", "--json");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("\"id\": \"PerceptualDecisionMaking-v0\""), list.out());
        assertTrue(list.out().contains("\"plugin\": \"perceptual\""), list.out());
        assertFalse(list.out().contains("\"plugin\": \"dup-task\""), list.out());
        // reported once, one line, naming the plugin id and the file
        List<String> lines = list.err().lines().filter(l -> l.contains("dup-task")).toList();
        assertEquals(1, lines.size(), list.err());
        assertTrue(lines.get(0).contains("plugin dup-task (dup-task.jar) not loaded") && lines.get(0).contains("PerceptualDecisionMaking-v0"),
                lines.get(0));
        // --quiet silences it; plugins list still shows it with its reason
        DistributionIT.Result quiet = DistributionIT.neurogym("--quiet", "--plugins-dir", plugins.toString(), "plugins", "list");
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse(quiet.err().contains("dup-task"), quiet.err());
        assertTrue(quiet.out().contains("dup-task (dup-task.jar): plugin dup-task") && quiet.out().contains("claims ids another plugin"),
                quiet.out());
        assertTrue(quiet.out().lines().anyMatch(l -> l.startsWith("perceptual ") && l.contains("loaded")), quiet.out());
    }

    @Test
    void unrelatedNgymVariablesAreIgnored() throws Exception {
        DistributionIT.Result r = DistributionIT.neurogym(Map.of("NGYM_UNRELATED", "1", "NGYM_REF_PYTHONPATH", "/opt/ref"), "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PerceptualDecisionMaking-v0"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void theDistributionCarriesAMavenRepositoryForNewPlugins() throws Exception {
        Path repo = DistributionIT.DIST.resolve("repository/org/neurogym");
        String v = Files.list(repo.resolve("neurogym-api")).filter(Files::isDirectory).findFirst().orElseThrow().getFileName().toString();
        for (String artifact : List.of("neurogym-api", "neurogym-testkit")) {
            Path dir = repo.resolve(artifact).resolve(v);
            for (String file : List.of(artifact + "-" + v + ".jar", artifact + "-" + v + ".pom", artifact + "-" + v + "-sources.jar")) {
                assertTrue(Files.isRegularFile(dir.resolve(file)), dir.resolve(file) + " is missing");
            }
        }
        assertTrue(Files.isRegularFile(repo.resolve("neurogym-bom/" + v + "/neurogym-bom-" + v + ".pom")));
        // the parents the api and test kit poms name
        assertTrue(Files.isRegularFile(repo.resolve("neurogym-parent/" + v + "/neurogym-parent-" + v + ".pom")));
        assertTrue(Files.isRegularFile(repo.resolve("neurogym-platform/" + v + "/neurogym-platform-" + v + ".pom")));
    }
}
