package org.neurogym.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.neurogym.core.runtime.JarMetadata;

/**
 * Gives a plain plugin jar (PF4J headers, no bundle headers) the least a bundle needs: a
 * symbolic name and version from its plugin headers, and the api and SLF4J imported on demand.
 */
final class BundleHeaders {
    private BundleHeaders() {}

    /** Writes a copy of {@code jar} with bundle headers next to it and returns it. */
    static Path add(Path jar, JarMetadata meta) throws IOException {
        Path out = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "") + "-bundle.jar");
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest mf = in.getManifest() == null ? new Manifest() : new Manifest(in.getManifest());
            Attributes a = mf.getMainAttributes();
            a.putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", meta.id());
            a.putValue("Bundle-Version", osgiVersion(meta.version()));
            a.putValue("DynamicImport-Package", "org.neurogym.api,org.neurogym.api.*,org.slf4j,org.slf4j.*");
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream j = new JarOutputStream(os, mf)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) continue;
                    j.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream is = in.getInputStream(entry)) {
                        is.transferTo(j);
                    }
                    j.closeEntry();
                }
            }
        }
        return out;
    }

    /** {@code 1.2.3-SNAPSHOT} as an OSGi version: {@code 1.2.3.SNAPSHOT}. */
    static String osgiVersion(String v) {
        String[] parts = v.split("[-+]", 2);
        String[] nums = parts[0].split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String n = i < nums.length ? nums[i].replaceAll("\\D", "") : "0";
            sb.append(i == 0 ? "" : ".").append(n.isEmpty() ? "0" : n);
        }
        if (parts.length > 1) sb.append('.').append(parts[1].replaceAll("[^A-Za-z0-9_-]", "_"));
        return sb.toString();
    }
}
