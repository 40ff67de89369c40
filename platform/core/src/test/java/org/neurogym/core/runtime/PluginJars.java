package org.neurogym.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds plugin jars for tests from the compiled fixture classes. */
final class PluginJars {
    private PluginJars() {}

    static Path fixtureJar(Path dir, String name, Map<String, String> headers, String provider) throws IOException {
        Path jar = dir.resolve(name);
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Path classes = classesRoot();
        Path fixtures = classes.resolve("org/neurogym/core/runtime/fixture");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf);
             Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
            if (provider != null) {
                j.putNextEntry(new JarEntry("META-INF/services/org.neurogym.api.spi.TaskProvider"));
                j.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    static Map<String, String> headers(String id, String version, String requires) {
        return Map.of("Plugin-Id", id, "Plugin-Version", version, "Plugin-Requires", requires);
    }

    static Map<String, String> headers(String id, String version, String requires, String dependencies) {
        return Map.of("Plugin-Id", id, "Plugin-Version", version, "Plugin-Requires", requires, "Plugin-Dependencies", dependencies);
    }

    private static Path classesRoot() {
        try {
            return Path.of(PluginJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
