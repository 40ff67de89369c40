package org.neurogym.core.runtime;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which plugin jars are the distribution's own: those whose SHA-256 the distribution's build
 * listed in {@value #FILE_NAME}, in its {@code lib/} directory next to the host's own jar.
 *
 * <p>Being built in is a property of the exact bytes the distribution shipped, written when it was
 * built, so a third-party jar cannot claim it: not by a manifest header ({@code Plugin-Provider}
 * is informative only), not by its file name, not by being in the same directory. A copy of a
 * built-in jar elsewhere (another {@code --plugins-dir}) is still that jar and still built in.
 * A host that does not run from a distribution (tests, an IDE) has no list: no jar is built in,
 * and precedence falls to the plugin versions and ids.
 */
public final class DistributionPlugins {
    private static final Logger log = LoggerFactory.getLogger(DistributionPlugins.class);

    /** The list's file name: one {@code <sha256>  <jar name>} line per built-in plugin jar (the sha256sum format). */
    public static final String FILE_NAME = "distribution-plugins.sha256";

    /** No jar is built in. */
    public static final DistributionPlugins NONE = new DistributionPlugins(Set.of());

    private final Set<String> digests;

    private DistributionPlugins(Set<String> digests) {
        this.digests = Set.copyOf(digests);
    }

    /** The list of the distribution this host runs from ({@code lib/} beside the host's jar), else {@link #NONE}. */
    public static DistributionPlugins ofThisDistribution() {
        Path list = besideHostJar();
        if (list == null || !Files.isRegularFile(list)) return NONE;
        try {
            return read(list);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the distribution's plugin list {} ({}): no plugin counts as built in", list, e.getMessage());
            return NONE;
        }
    }

    private static Path besideHostJar() {
        try {
            CodeSource source = DistributionPlugins.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return null;
            Path code = Path.of(source.getLocation().toURI());
            // a jar in lib/ (a distribution); a classes directory (a build) has no list beside it
            return Files.isRegularFile(code) ? code.resolveSibling(FILE_NAME) : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a list in the sha256sum format; blank lines and {@code #} comments are skipped. */
    public static DistributionPlugins read(Path list) throws IOException {
        Set<String> digests = new HashSet<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String digest = l.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
            if (!digest.matches("[0-9a-f]{64}")) throw new IOException("not a SHA-256 line: " + line);
            digests.add(digest);
        }
        return new DistributionPlugins(digests);
    }

    /** The list of exactly these jars (what the build writes, and what tests use). */
    public static DistributionPlugins of(List<Path> jars) {
        Set<String> digests = new HashSet<>();
        for (Path jar : jars) digests.add(PluginPrecedence.digest(jar));
        return new DistributionPlugins(digests);
    }

    /** True when {@code jar}'s content is one the distribution shipped. */
    public boolean contains(Path jar) {
        return !digests.isEmpty() && digests.contains(PluginPrecedence.digest(jar));
    }

    /**
     * Writes the list of the plugin jars in a directory: the distribution's build runs this
     * ({@code distribution/pom.xml}) on the plugins it ships. Arguments: the plugins directory, the list file.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: DistributionPlugins PLUGINS_DIR LIST_FILE");
        List<Path> jars;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            jars = s.filter(DirectoryRuntime::isPluginJarName).sorted().toList();
        }
        if (jars.isEmpty()) throw new IOException("no plugin jars in " + args[0]);
        List<String> lines = new ArrayList<>();
        for (Path jar : jars) lines.add(PluginPrecedence.digest(jar) + "  " + jar.getFileName());
        Path out = Path.of(args[1]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }
}
