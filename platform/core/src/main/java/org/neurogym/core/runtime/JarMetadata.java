package org.neurogym.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The plugin headers of a jar's manifest, read without loading any of its classes. Opening the
 * jar also proves it complete: a truncated or corrupt file fails here.
 *
 * @param id {@code Plugin-Id}, or null
 * @param version {@code Plugin-Version} (else {@code Bundle-Version}), or null
 * @param requires {@code Plugin-Requires}, or null
 * @param dependencies {@code Plugin-Dependencies}
 * @param attributes every main manifest attribute, for runtimes that read more (OSGi)
 */
public record JarMetadata(String id, String version, String requires, List<PluginDependencySpec> dependencies,
                          Attributes attributes) {

    public static JarMetadata read(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest mf = file.getManifest();
            // reading every entry header proves the central directory intact
            file.stream().forEach(e -> { });
            Attributes a = mf == null ? new Attributes() : mf.getMainAttributes();
            String version = value(a, "Plugin-Version");
            if (version == null) version = value(a, "Bundle-Version");
            return new JarMetadata(value(a, "Plugin-Id"), version, value(a, "Plugin-Requires"),
                    PluginDependencySpec.parseAll(value(a, "Plugin-Dependencies")), a);
        }
    }

    /** A header's trimmed value, or null when absent or blank. */
    public String header(String name) {
        return value(attributes, name);
    }

    JarMetadata withId(String newId) {
        return new JarMetadata(newId, version, requires, dependencies, attributes);
    }

    private static String value(Attributes a, String name) {
        String v = a.getValue(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
