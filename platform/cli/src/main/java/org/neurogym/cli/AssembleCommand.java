package org.neurogym.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.neurogym.core.json.Json;
import org.neurogym.core.runtime.JarMetadata;
import org.neurogym.core.runtime.PluginDependencySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes a distribution with the host and only the chosen plugins, copied from the running
 * distribution (its home is the {@code neurogym.home} system property the launcher sets).
 */
@Command(name = "assemble", mixinStandardHelpOptions = true,
        description = {"Write a runnable distribution holding the host and only the chosen plugins.",
                "Name them with --plugins ID[,ID...]; their Plugin-Dependencies come along."})
final class AssembleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand Main main;

    @Option(names = "--plugins", paramLabel = "ID[,ID...]", split = ",", required = true,
            description = "The plugin ids to include (see 'neurogym plugins list').")
    List<String> plugins = new ArrayList<>();

    @Option(names = "--add", paramLabel = "JAR", description = "A further plugin jar to include (a third-party plugin). Repeatable.")
    List<Path> add = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the distribution (a new or empty directory).")
    Path out;

    @Option(names = "--archive", description = "Also write DIR.tar.gz next to DIR.")
    boolean archive;

    @Option(names = "--from", paramLabel = "HOME", description = "The distribution to copy from (default: the running one, neurogym.home).")
    Path from;

    @Option(names = "--json", description = "Machine-readable summary.")
    boolean json;

    private record Plugin(String id, String version, Path jar, List<PluginDependencySpec> dependencies) {}

    @Override
    public Integer call() throws IOException {
        Path home = sourceHome();
        Map<String, Plugin> available = pluginsOf(home);
        Map<String, Plugin> chosen = chosen(available, home);
        Path tarball = write(home, chosen.values());
        if (json) reportJson(chosen.values(), tarball);
        else reportText(chosen.keySet(), tarball);
        return Main.OK;
    }

    /** --from, else the running distribution; it must look like one. */
    private Path sourceHome() {
        Path home = from != null ? from : homeProperty();
        for (String part : List.of("bin", "lib", "plugins", "config")) {
            if (!Files.isDirectory(home.resolve(part))) {
                throw new IllegalArgumentException((from != null ? "--from: " : "") + home + " is not a NeuroGym distribution (no " + part + "/)");
            }
        }
        return home;
    }

    /** The plugin jars of a distribution by plugin id (the first jar of an id in name order; unreadable jars are not offered). */
    private static Map<String, Plugin> pluginsOf(Path home) throws IOException {
        Map<String, Plugin> available = new TreeMap<>();
        try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
            for (Path jar : s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    JarMetadata m = JarMetadata.read(jar);
                    if (m.id() != null) available.putIfAbsent(m.id(), new Plugin(m.id(), m.version(), jar, m.dependencies()));
                } catch (IOException e) {
                    // an unreadable jar in the source distribution is simply not offered
                }
            }
        }
        return available;
    }

    /** --plugins by id, then the --add jars, then every required Plugin-Dependencies of those, transitively. */
    private Map<String, Plugin> chosen(Map<String, Plugin> available, Path home) {
        Map<String, Plugin> chosen = new LinkedHashMap<>();
        for (String id : plugins) {
            String want = id.trim();
            if (want.isEmpty()) continue;
            Plugin p = available.get(want);
            if (p == null) {
                throw new IllegalArgumentException("--plugins: unknown plugin '" + want + "'"
                        + org.neurogym.api.param.Suggestions.didYouMean(want, available.keySet())
                        + " (plugins in " + home.resolve("plugins") + ": " + String.join(", ", available.keySet()) + ")");
            }
            chosen.put(p.id(), p);
        }
        for (Path jar : add) {
            Plugin p = addedJar(jar);
            if (chosen.containsKey(p.id())) throw new IllegalArgumentException("--add: " + jar + " has plugin id '" + p.id() + "', already included");
            chosen.put(p.id(), p);
        }
        addDependencies(chosen, available, home);
        return chosen;
    }

    private static Plugin addedJar(Path jar) {
        if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("--add: " + jar + " is not a file");
        JarMetadata m;
        try {
            m = JarMetadata.read(jar);
        } catch (IOException e) {
            throw new IllegalArgumentException("--add: " + jar + " is not a readable jar (" + e.getMessage() + ")");
        }
        if (m.id() == null || m.version() == null) {
            throw new IllegalArgumentException("--add: " + jar + " is not a plugin jar (no Plugin-Id and Plugin-Version manifest headers)");
        }
        return new Plugin(m.id(), m.version(), jar, m.dependencies());
    }

    private static void addDependencies(Map<String, Plugin> chosen, Map<String, Plugin> available, Path home) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Plugin p : List.copyOf(chosen.values())) {
                for (PluginDependencySpec d : p.dependencies()) {
                    if (d.optional() || chosen.containsKey(d.id())) continue;
                    Plugin dep = available.get(d.id());
                    if (dep == null) throw new IllegalArgumentException("plugin " + p.id() + " depends on plugin '" + d.id()
                            + "', which is not in " + home.resolve("plugins") + "; add its jar with --add");
                    chosen.put(dep.id(), dep);
                    grew = true;
                }
            }
        }
    }

    /**
     * Copies the host (and the Maven repository new plugins build against, when the source has
     * one) and the chosen plugin jars into --out; with --archive also DIR.tar.gz. Returns the archive or null.
     */
    private Path write(Path home, Collection<Plugin> chosen) throws IOException {
        if (Files.exists(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = Files.isDirectory(out) && s.findAny().isEmpty();
            }
            if (!empty) throw new IllegalArgumentException("--out: " + out + " exists and is not an empty directory");
        }
        Files.createDirectories(out);
        for (String part : List.of("bin", "lib", "config")) copyTree(home.resolve(part), out.resolve(part));
        if (Files.isDirectory(home.resolve("repository"))) copyTree(home.resolve("repository"), out.resolve("repository"));
        Files.createDirectories(out.resolve("plugins"));
        for (Plugin p : chosen) Files.copy(p.jar(), out.resolve("plugins").resolve(p.jar().getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        if (!archive) return null;
        Path abs = out.toAbsolutePath().normalize();
        Path tarball = abs.resolveSibling(abs.getFileName() + ".tar.gz");
        TarGz.write(abs, tarball);
        return tarball;
    }

    private void reportJson(Collection<Plugin> chosen, Path tarball) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toAbsolutePath().normalize().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Plugin p : chosen) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", p.id());
            r.put("version", p.version());
            r.put("jar", p.jar().getFileName().toString());
            rows.add(r);
        }
        m.put("plugins", rows);
        m.put("archive", tarball == null ? null : tarball.toString());
        spec.commandLine().getOut().println(Json.write(m));
    }

    private void reportText(Set<String> ids, Path tarball) {
        PrintWriter o = spec.commandLine().getOut();
        o.println("Assembled " + out.toAbsolutePath().normalize() + " with plugins " + String.join(", ", ids));
        if (tarball != null) o.println("Archive " + tarball);
        o.println("Run it: " + out.resolve("bin/neurogym") + " list");
    }

    private static Path homeProperty() {
        String h = System.getProperty("neurogym.home");
        if (h == null || h.isBlank()) {
            throw new IllegalArgumentException("assemble copies from a distribution: run it from the neurogym launcher or give --from HOME");
        }
        return Path.of(h);
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
