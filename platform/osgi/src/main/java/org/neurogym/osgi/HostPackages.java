package org.neurogym.osgi;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.neurogym.api.spi.ApiVersion;

/** The packages the host exports to bundles: every api package at the api version, and SLF4J. */
final class HostPackages {
    private HostPackages() {}

    static String apiVersion() {
        return ApiVersion.current().split("[-+]")[0];
    }

    static String exports() {
        StringBuilder sb = new StringBuilder();
        for (String pkg : apiPackages()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(pkg).append(";version=").append(apiVersion());
        }
        String slf4j = org.slf4j.Logger.class.getPackage().getImplementationVersion();
        String v = slf4j == null ? "2.0.0" : slf4j.split("[-+]")[0];
        sb.append(",org.slf4j;version=").append(v).append(",org.slf4j.event;version=").append(v)
                .append(",org.slf4j.spi;version=").append(v);
        return sb.toString();
    }

    /** The packages holding classes in the api jar (or classes directory) the host runs with. */
    static TreeSet<String> apiPackages() {
        TreeSet<String> pkgs = new TreeSet<>();
        Path source;
        try {
            source = Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the api jar: " + e);
        }
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> s = Files.walk(source)) {
                    s.filter(p -> p.toString().endsWith(".class"))
                            .map(p -> source.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                            .filter(p -> p.startsWith("org.neurogym.api")).forEach(pkgs::add);
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.endsWith(".class") && n.startsWith("org/neurogym/api/") && n.lastIndexOf('/') > 0) {
                            pkgs.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.'));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the api packages from " + source + ": " + e);
        }
        return pkgs;
    }
}
