package org.neurogym.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.neurogym.api.spi.ApiVersion;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runtime over a directory of plugin jars, shared by the PF4J and OSGi runtimes: it stages a
 * copy of each jar before loading it (so the original can be replaced or deleted), checks what
 * every runtime must check the same way (a readable jar, plugin metadata, the api range, plugin
 * dependencies, ids already taken), keeps track of which jar gave which plugin, and retries the
 * jars that were waiting for another plugin when the set of loaded plugins changes. Subclasses
 * only open a staged jar and close a plugin.
 *
 * <p>Every failure is recorded in the registry as a failed plugin and logged once; nothing a
 * plugin does is thrown to the caller.
 */
public abstract class DirectoryRuntime implements PluginRuntime {
    private static final Logger log = LoggerFactory.getLogger(DirectoryRuntime.class);

    private final Path directory;
    private Path staging;
    private long stagedCount;
    protected Registry registry;

    /** Plugins loaded now, by the original jar they came from. */
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    /** Jars that failed, with the registry key of their failure and whether a change may cure them. */
    private final Map<Path, Failure> failed = new LinkedHashMap<>();
    /** The signature (size, modification time) of each jar when it was last attempted. */
    private final Map<Path, JarSignature> attempted = new HashMap<>();
    private DirectoryWatcher watcher;
    private boolean retrying;

    private record Loaded(String id, String version, Path staged, List<PluginDependencySpec> dependencies) {}

    /** What may cure a failure: nothing but a new jar, another plugin loading, or one unloading. */
    private enum Cure { NONE, LOAD, UNLOAD }

    private record Failure(String key, String error, Cure cure) {}

    /** What a staged jar provides once opened. */
    public record Provided(List<TaskDescriptor> tasks, List<WrapperDescriptor> wrappers, List<String> warnings) {}

    /** A plugin that could not be opened; the message says what is wrong and what to do. */
    public static final class PluginLoadException extends Exception {
        private static final long serialVersionUID = 1L;

        public PluginLoadException(String message) {
            super(message);
        }
    }

    protected DirectoryRuntime(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** Where loaded jars are copied before they are opened; null until the first load. */
    public synchronized Path stagingDirectory() {
        return staging;
    }

    /**
     * Opens a staged plugin jar in this runtime (a class loader, a bundle) and lists its providers.
     * Called with the metadata already checked.
     */
    protected abstract Provided open(JarMetadata meta, Path staged) throws PluginLoadException;

    /** Releases a plugin opened by {@link #open}: its class loader or bundle. */
    protected abstract void release(String pluginId);

    /** The plugin id when the jar has no {@code Plugin-Id} header (OSGi: the bundle's symbolic name). */
    protected Optional<String> fallbackId(JarMetadata meta) {
        return Optional.empty();
    }

    @Override
    public void start(Registry registry) {
        this.registry = registry;
        if (!Files.isDirectory(directory)) {
            log.warn("Plugins directory {} does not exist: no plugins loaded from it", directory);
            return;
        }
        for (Path jar : dependencyOrder(jars())) load(jar);
    }

    /** The plugin jars in the directory now: {@code *.jar}, hidden files excluded. */
    List<Path> jars() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(DirectoryRuntime::isPluginJarName).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot read plugins directory {}: {}", directory, e.toString());
            return List.of();
        }
    }

    static boolean isPluginJarName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".jar") && !n.startsWith(".");
    }

    /** Sorts jars so that a plugin's dependencies come before it (name order otherwise). */
    private List<Path> dependencyOrder(List<Path> jars) {
        Map<String, Path> byId = new LinkedHashMap<>();
        Map<Path, List<String>> deps = new LinkedHashMap<>();
        for (Path jar : jars) {
            try {
                JarMetadata m = JarMetadata.read(jar);
                if (m.id() != null) byId.putIfAbsent(m.id(), jar);
                deps.put(jar, m.dependencies().stream().map(PluginDependencySpec::id).toList());
            } catch (IOException e) {
                deps.put(jar, List.of());
            }
        }
        Set<Path> ordered = new LinkedHashSet<>();
        Set<Path> visiting = new LinkedHashSet<>();
        for (Path jar : jars) visit(jar, byId, deps, ordered, visiting);
        return List.copyOf(ordered);
    }

    private static void visit(Path jar, Map<String, Path> byId, Map<Path, List<String>> deps, Set<Path> out, Set<Path> visiting) {
        if (out.contains(jar) || !visiting.add(jar)) return;
        for (String d : deps.getOrDefault(jar, List.of())) {
            Path dj = byId.get(d);
            if (dj != null) visit(dj, byId, deps, out, visiting);
        }
        out.add(jar);
    }

    /**
     * Loads one plugin jar (a jar of this directory or any other path): stages a copy, checks it,
     * opens it and registers what it provides. A jar already loaded is unloaded first (a
     * replacement). Failures are recorded and returned, never thrown.
     */
    public synchronized PluginInfo load(Path jar) {
        Path original = jar.toAbsolutePath().normalize();
        if (loaded.containsKey(original)) unloadJar(original, "replaced");
        forgetFailure(original);
        JarSignature before = JarSignature.of(original);
        attempted.put(original, before);
        PluginInfo info = attempt(original);
        if (info.state() == PluginInfo.State.LOADED) retryWaiting(Cure.LOAD);
        return info;
    }

    private PluginInfo attempt(Path original) {
        String jarName = original.getFileName().toString();
        if (staging == null) {
            try {
                staging = ProcessTempDir.create("neurogym-staging-");
            } catch (IOException e) {
                return fail(original, jarName, "", "cannot create a staging directory for " + jarName + ": " + e, Cure.NONE);
            }
        }
        String base = jarName.substring(0, jarName.length() - ".jar".length());
        Path staged = staging.resolve(base + "-" + (++stagedCount) + ".jar");
        try {
            Files.copy(original, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return fail(original, jarName, "", "cannot copy " + jarName + " to the staging area: " + e, Cure.NONE);
        }
        JarMetadata meta;
        try {
            meta = JarMetadata.read(staged);
        } catch (IOException e) {
            delete(staged);
            return fail(original, jarName, "", jarName + " is not a readable jar (" + e.getMessage()
                    + "); it is corrupt or was not completely written: replace it with a complete plugin jar", Cure.NONE);
        }
        String id = meta.id() != null ? meta.id() : fallbackId(meta).orElse(null);
        if (id == null || meta.version() == null) {
            delete(staged);
            return fail(original, jarName, "", jarName + " has no plugin metadata (missing "
                    + (id == null ? "Plugin-Id" : "Plugin-Version") + " manifest header): build it as a NeuroGym plugin jar"
                    + " with Plugin-Id, Plugin-Version and Plugin-Requires (see docs/plugin-guide.md)", Cure.NONE);
        }
        String version = meta.version();
        String requires = meta.requires();
        if (requires != null && !requires.isBlank()) {
            boolean ok;
            try {
                ok = ApiVersion.satisfies(ApiVersion.current(), requires);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                delete(staged);
                return fail(original, id, version, "plugin " + id + " " + version + " (" + jarName + ") requires api " + requires
                        + " but this host provides api " + ApiVersion.current() + "; use a version of the plugin built for api "
                        + ApiVersion.current(), Cure.NONE);
            }
        }
        PluginInfo holder = registry.plugins().stream()
                .filter(p -> p.id().equals(id) && p.state() == PluginInfo.State.LOADED).findFirst().orElse(null);
        if (holder != null) {
            delete(staged);
            return fail(original, jarName, version, "plugin id '" + id + "' of " + jarName + " is already loaded from "
                    + (holder.location() == null ? "the class path" : holder.location().getFileName())
                    + "; remove one of the two jars", Cure.UNLOAD);
        }
        for (PluginDependencySpec dep : meta.dependencies()) {
            if (dep.optional()) continue;
            Loaded d = loadedById(dep.id());
            String problem = null;
            if (d == null) {
                problem = "requires plugin '" + dep.id() + "', which is not loaded: add its jar to " + directory
                        + " (this plugin loads as soon as it is there)";
            } else if (!dep.accepts(d.version())) {
                problem = "requires plugin '" + dep.id() + "' " + dep.versions() + " but version " + d.version()
                        + " is loaded: install a matching version";
            }
            if (problem != null) {
                delete(staged);
                return fail(original, id, version, "plugin " + id + " " + version + " (" + jarName + ") " + problem, Cure.LOAD);
            }
        }
        Provided provided;
        try {
            provided = open(meta.withId(id), staged);
        } catch (PluginLoadException e) {
            safeRelease(id);
            delete(staged);
            return fail(original, id, version, e.getMessage(), Cure.NONE);
        } catch (RuntimeException | LinkageError e) {
            safeRelease(id);
            delete(staged);
            return fail(original, id, version, "cannot load plugin " + id + " from " + jarName + ": " + describe(e), Cure.NONE);
        }
        if (provided.tasks().isEmpty() && provided.wrappers().isEmpty()) {
            safeRelease(id);
            delete(staged);
            String why = provided.warnings().isEmpty()
                    ? "it declares no TaskProvider or WrapperProvider in META-INF/services"
                    : String.join("; ", provided.warnings());
            return fail(original, id, version, "plugin " + id + " (" + jarName + ") provides nothing: " + why, Cure.NONE);
        }
        List<String> taken = new ArrayList<>();
        for (TaskDescriptor d : provided.tasks()) {
            registry.tasks().stream().filter(t -> t.id().equals(d.id())).findFirst()
                    .ifPresent(t -> taken.add("task " + d.id() + " (provided by plugin " + t.plugin() + ")"));
        }
        for (WrapperDescriptor d : provided.wrappers()) {
            registry.wrappers().stream().filter(w -> w.id().equals(d.id())).findFirst()
                    .ifPresent(w -> taken.add("wrapper " + d.id() + " (provided by plugin " + w.plugin() + ")"));
        }
        if (!taken.isEmpty()) {
            safeRelease(id);
            delete(staged);
            return fail(original, id, version, "plugin " + id + " " + version + " (" + jarName + ") claims ids another plugin"
                    + " already provides: " + String.join(", ", taken) + "; remove one of the plugins or rename the ids"
                    + " (it loads if the other plugin goes)", Cure.UNLOAD);
        }
        PluginInfo info = registry.register(id, version, name(), original, provided.tasks(), provided.wrappers());
        if (info.state() != PluginInfo.State.LOADED) {
            safeRelease(id);
            delete(staged);
            failed.put(original, new Failure(id, info.error(), Cure.UNLOAD));
            log.warn("Plugin {} failed: {}", jarName, info.error());
            return info;
        }
        if (!provided.warnings().isEmpty()) log.warn("Plugin {}: {}", id, String.join("; ", provided.warnings()));
        loaded.put(original, new Loaded(id, version, staged, meta.dependencies()));
        log.info("Loaded plugin {} {} from {} ({} tasks, {} wrappers)", id, version, jarName,
                info.tasks().size(), info.wrappers().size());
        return info;
    }

    private Loaded loadedById(String id) {
        return loaded.values().stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    /** Unloads the plugin with this id (and the plugins that depend on it). */
    public synchronized void unload(String pluginId) {
        loaded.entrySet().stream().filter(e -> e.getValue().id().equals(pluginId)).map(Map.Entry::getKey)
                .findFirst().ifPresent(jar -> {
                    unloadJar(jar, "unloaded");
                    retryWaiting(Cure.UNLOAD);
                });
    }

    /**
     * Forgets a jar that left the directory: unloads its plugin (and its dependents) or clears
     * its failure record.
     */
    public synchronized void removed(Path jar) {
        Path original = jar.toAbsolutePath().normalize();
        attempted.remove(original);
        forgetFailure(original);
        if (loaded.containsKey(original)) {
            unloadJar(original, "its jar was removed");
            retryWaiting(Cure.UNLOAD);
        }
    }

    private void unloadJar(Path original, String why) {
        Loaded l = loaded.remove(original);
        if (l == null) return;
        for (Map.Entry<Path, Loaded> e : List.copyOf(loaded.entrySet())) {
            boolean dependent = e.getValue().dependencies().stream().anyMatch(d -> d.id().equals(l.id()));
            if (dependent && loaded.containsKey(e.getKey())) {
                unloadJar(e.getKey(), "plugin " + l.id() + " it depends on was unloaded");
                fail(e.getKey(), e.getValue().id(), e.getValue().version(), "plugin " + e.getValue().id()
                        + " was unloaded because plugin " + l.id() + " it depends on was unloaded; it loads again when "
                        + l.id() + " is back", Cure.LOAD);
            }
        }
        registry.unregister(l.id());
        safeRelease(l.id());
        delete(l.staged());
        log.info("Unloaded plugin {} {} ({})", l.id(), l.version(), why);
    }

    /** Loads again the jars that failed for a reason another plugin's arrival or departure may cure. */
    private void retryWaiting(Cure change) {
        if (retrying) return;
        retrying = true;
        java.util.EnumSet<Cure> cures = java.util.EnumSet.of(change);
        try {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Map.Entry<Path, Failure> e : List.copyOf(failed.entrySet())) {
                    if (!cures.contains(e.getValue().cure()) || !Files.isRegularFile(e.getKey())) continue;
                    Failure before = e.getValue();
                    failed.remove(e.getKey());
                    PluginInfo info = attemptQuietly(e.getKey(), before);
                    if (info.state() == PluginInfo.State.LOADED) {
                        if (!before.key().equals(info.id())) registry.unregister(before.key());
                        progress = true;
                        cures.add(Cure.LOAD);
                    }
                }
            }
        } finally {
            retrying = false;
        }
    }

    /** Retries a jar; the same failure again is not reported a second time. */
    private PluginInfo attemptQuietly(Path jar, Failure previous) {
        quiet = previous;
        try {
            return attempt(jar);
        } finally {
            quiet = null;
        }
    }

    private Failure quiet;

    private PluginInfo fail(Path original, String key, String version, String error, Cure cure) {
        PluginInfo info = PluginInfo.failed(key, version, name(), original, error);
        if (quiet != null && quiet.key().equals(key) && (quiet.error().equals(error) || quiet.cure() == cure)) {
            // still waiting for the same kind of change: keep the first report
            failed.put(original, quiet);
            return info;
        }
        failed.put(original, new Failure(key, error, cure));
        log.warn("Plugin {} failed: {}", original.getFileName(), error);
        registry.registerFailure(info);
        return info;
    }

    private void forgetFailure(Path original) {
        Failure f = failed.remove(original);
        if (f == null) return;
        boolean loadedUnderKey = registry.plugins().stream()
                .anyMatch(p -> p.id().equals(f.key()) && p.state() == PluginInfo.State.LOADED);
        if (!loadedUnderKey) registry.unregister(f.key());
    }

    private void safeRelease(String id) {
        try {
            release(id);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Releasing plugin {}: {}", id, e.toString());
        }
    }

    private static void delete(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            staged.toFile().deleteOnExit();
        }
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(": ").append(t);
        }
        return sb.toString();
    }

    /** The signature of a jar when it was last loaded or attempted, for the watcher. */
    synchronized JarSignature attemptedSignature(Path jar) {
        return attempted.get(jar.toAbsolutePath().normalize());
    }

    /** The original jars loaded now. */
    synchronized Set<Path> knownJars() {
        Set<Path> s = new LinkedHashSet<>(loaded.keySet());
        s.addAll(failed.keySet());
        s.addAll(attempted.keySet());
        return s;
    }

    /**
     * Starts watching the directory: a jar added is loaded, a jar removed is unloaded, a jar
     * replaced is reloaded. Polls every {@code poll}; a jar is loaded once its size and time have
     * not changed for {@code settle} and it reads as a complete jar. Idempotent.
     */
    public synchronized DirectoryWatcher watch(Duration poll, Duration settle) {
        if (watcher == null) {
            watcher = new DirectoryWatcher(this, poll, settle);
            watcher.start();
        }
        return watcher;
    }

    /** Watches with the defaults: a poll every 250 ms, 500 ms of quiet before loading. */
    public DirectoryWatcher watch() {
        return watch(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Override
    public void close() {
        DirectoryWatcher w;
        synchronized (this) {
            w = watcher;
            watcher = null;
        }
        if (w != null) w.close();
        synchronized (this) {
            List<Path> jars = new ArrayList<>(loaded.keySet());
            java.util.Collections.reverse(jars);
            for (Path jar : jars) if (loaded.containsKey(jar)) unloadJar(jar, "host closed");
            for (Path jar : List.copyOf(failed.keySet())) forgetFailure(jar);
            closeRuntime();
            ProcessTempDir.delete(staging);
        }
    }

    /** Called once on close after every plugin was released. */
    protected void closeRuntime() {}
}
