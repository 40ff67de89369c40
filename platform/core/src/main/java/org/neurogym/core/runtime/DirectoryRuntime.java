package org.neurogym.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
    /** The distribution's own plugin jars, by content (never by a header or a file name). */
    private DistributionPlugins builtIns = DistributionPlugins.ofThisDistribution();

    private record Loaded(String id, String version, boolean builtIn, Path staged, List<PluginDependencySpec> dependencies) {}

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

    /** Which jars are the distribution's own, instead of the list of the distribution this host runs from. */
    void builtIns(DistributionPlugins list) {
        this.builtIns = list;
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
        for (Path jar : startOrder(jars())) load(jar);
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

    /**
     * The order jars are loaded in at start-up, which decides who keeps a contested id: the
     * distribution's own plugins ({@link DistributionPlugins}) first, then the others by plugin id, the best jar of each id
     * (see {@link PluginPrecedence}) before its rivals, and every plugin after the plugins it
     * depends on. File names play no part; jars without plugin metadata (which fail whatever
     * their place) come last.
     */
    private List<Path> startOrder(List<Path> jars) {
        List<PluginPrecedence.Candidate> candidates = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        Map<Path, List<String>> deps = new LinkedHashMap<>();
        for (Path jar : jars) {
            try {
                JarMetadata m = JarMetadata.read(jar);
                String id = m.id() != null ? m.id() : fallbackId(m).orElse(null);
                if (id == null || m.version() == null) {
                    unreadable.add(jar);
                    continue;
                }
                candidates.add(new PluginPrecedence.Candidate(jar, id, m.version(), builtIns.contains(jar)));
                deps.put(jar, m.dependencies().stream().map(PluginDependencySpec::id).toList());
            } catch (IOException e) {
                unreadable.add(jar);
            }
        }
        candidates.sort(Comparator.comparing(PluginPrecedence.Candidate::builtIn, Comparator.reverseOrder())
                .thenComparing(PluginPrecedence.Candidate::id)
                .thenComparing(PluginPrecedence.BEST_FIRST));
        Map<String, Path> bestById = new LinkedHashMap<>();
        for (PluginPrecedence.Candidate c : candidates) bestById.putIfAbsent(c.id(), c.jar());
        Set<Path> ordered = new LinkedHashSet<>();
        Set<Path> visiting = new LinkedHashSet<>();
        for (PluginPrecedence.Candidate c : candidates) visit(c.jar(), bestById, deps, ordered, visiting);
        ordered.addAll(unreadable);
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
        displaced = false;
        PluginInfo info = attempt(original);
        if (info.state() == PluginInfo.State.LOADED) retryWaiting(Cure.LOAD);
        else if (displaced) retryWaiting(Cure.UNLOAD); // the jar it outranked comes back
        return info;
    }

    /** Set when the jar being loaded unloaded a lower version of its plugin. */
    private boolean displaced;

    /** A check that refuses the jar: why, and what change may cure it. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String id;
        final String version;
        final Cure cure;

        Refusal(String id, String version, String message, Cure cure) {
            super(message, null, false, false);
            this.id = id;
            this.version = version;
            this.cure = cure;
        }
    }

    /** The checks in order; the first that refuses ends the attempt, releasing what was opened. */
    private PluginInfo attempt(Path original) {
        String jarName = original.getFileName().toString();
        Path staged = null;
        String opened = null;
        try {
            staged = stage(original);
            JarMetadata meta = metadata(jarName, staged);
            String id = meta.id();
            boolean builtIn = builtIns.contains(staged);
            checkApi(meta, jarName);
            makeRoom(original, meta, builtIn, jarName);
            checkDependencies(meta, jarName);
            opened = id;
            Provided provided = openProviders(meta, staged, jarName);
            checkIdsFree(meta, provided, jarName);
            return register(original, meta, builtIn, staged, provided);
        } catch (Refusal r) {
            if (opened != null) safeRelease(opened);
            if (staged != null) delete(staged);
            return fail(original, r.id, r.version, r.getMessage(), r.cure);
        }
    }

    /** Copies the jar to the staging area, so the original can be replaced or deleted while loaded. */
    private Path stage(Path original) throws Refusal {
        String jarName = original.getFileName().toString();
        if (staging == null) {
            try {
                staging = ProcessTempDir.create("neurogym-staging-");
            } catch (IOException e) {
                throw new Refusal(jarName, "", "cannot create a staging directory for " + jarName + ": " + e, Cure.NONE);
            }
        }
        String base = jarName.substring(0, jarName.length() - ".jar".length());
        Path staged = staging.resolve(base + "-" + (++stagedCount) + ".jar");
        try {
            Files.copy(original, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Refusal(jarName, "", "cannot copy " + jarName + " to the staging area: " + e, Cure.NONE);
        }
        return staged;
    }

    /** A complete jar with a plugin id (its own or the runtime's fallback) and a version. */
    private JarMetadata metadata(String jarName, Path staged) throws Refusal {
        JarMetadata meta;
        try {
            meta = JarMetadata.read(staged);
        } catch (IOException e) {
            throw new Refusal(jarName, "", jarName + " is not a readable jar (" + e.getMessage()
                    + "); it is corrupt or was not completely written: replace it with a complete plugin jar", Cure.NONE);
        }
        String id = meta.id() != null ? meta.id() : fallbackId(meta).orElse(null);
        if (id == null || meta.version() == null) {
            throw new Refusal(id != null ? id : jarName, "", jarName + " has no plugin metadata (missing "
                    + (id == null ? "Plugin-Id" : "Plugin-Version") + " manifest header): build it as a NeuroGym plugin jar"
                    + " with Plugin-Id, Plugin-Version and Plugin-Requires (see docs/plugin-guide.md)", Cure.NONE);
        }
        return meta.withId(id);
    }

    private static void checkApi(JarMetadata meta, String jarName) throws Refusal {
        var refusal = ApiRequirement.refusal(meta.id(), meta.version(), jarName, meta.requires());
        if (refusal.isPresent()) throw new Refusal(meta.id(), meta.version(), refusal.get(), Cure.NONE);
    }

    /**
     * One plugin id, one loaded jar: a jar of this directory holding the id gives way to a better
     * one (a higher {@code Plugin-Version}, see {@link PluginPrecedence}) and is reported as
     * shadowed; otherwise the newcomer is. An id loaded by another runtime (the class path) is
     * never displaced.
     */
    private void makeRoom(Path original, JarMetadata meta, boolean builtIn, String jarName) throws Refusal {
        PluginInfo holder = registry.loadedPlugin(meta.id()).orElse(null);
        if (holder == null) return;
        Map.Entry<Path, Loaded> mine = loaded.entrySet().stream().filter(e -> e.getValue().id().equals(meta.id())).findFirst().orElse(null);
        if (mine == null) {
            throw new Refusal(meta.id(), meta.version(), "plugin id '" + meta.id() + "' of " + jarName + " is already loaded from "
                    + (holder.location() == null ? "the class path" : holder.location().getFileName())
                    + "; remove one of the two jars", Cure.UNLOAD);
        }
        var newcomer = new PluginPrecedence.Candidate(original, meta.id(), meta.version(), builtIn);
        Loaded current = mine.getValue();
        var incumbent = new PluginPrecedence.Candidate(mine.getKey(), current.id(), current.version(), current.builtIn());
        if (PluginPrecedence.BEST_FIRST.compare(newcomer, incumbent) < 0) {
            unloadJar(mine.getKey(), "shadowed by " + jarName);
            fail(mine.getKey(), current.id(), current.version(), shadowed(incumbent, newcomer), Cure.UNLOAD);
            displaced = true;
        } else {
            throw new Refusal(meta.id(), meta.version(), shadowed(newcomer, incumbent), Cure.UNLOAD);
        }
    }

    private static String shadowed(PluginPrecedence.Candidate loser, PluginPrecedence.Candidate winner) {
        String why = PluginPrecedence.compareVersions(winner.version(), loser.version()) > 0 ? "the higher Plugin-Version wins"
                : winner.builtIn() && !loser.builtIn() ? "at equal versions the distribution's own plugin wins"
                : "both have this version: the choice is fixed by the jars' content";
        return "plugin " + loser.id() + " " + loser.version() + " (" + loser.jar().getFileName() + ") is shadowed by "
                + winner.id() + " " + winner.version() + " (" + winner.jar().getFileName() + "): " + why
                + "; remove " + loser.jar().getFileName() + " to silence this";
    }

    /** Every required {@code Plugin-Dependencies} entry is loaded in an accepted version. */
    private void checkDependencies(JarMetadata meta, String jarName) throws Refusal {
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
                throw new Refusal(meta.id(), meta.version(), "plugin " + meta.id() + " " + meta.version() + " (" + jarName + ") " + problem, Cure.LOAD);
            }
        }
    }

    /** Opens the staged jar in the runtime; it must provide at least one task or wrapper. */
    private Provided openProviders(JarMetadata meta, Path staged, String jarName) throws Refusal {
        Provided provided;
        try {
            provided = open(meta, staged);
        } catch (PluginLoadException e) {
            throw new Refusal(meta.id(), meta.version(), e.getMessage(), Cure.NONE);
        } catch (RuntimeException | LinkageError e) {
            throw new Refusal(meta.id(), meta.version(), "cannot load plugin " + meta.id() + " from " + jarName + ": " + describe(e), Cure.NONE);
        }
        if (provided.tasks().isEmpty() && provided.wrappers().isEmpty()) {
            String why = provided.warnings().isEmpty()
                    ? "it declares no TaskProvider or WrapperProvider in META-INF/services"
                    : String.join("; ", provided.warnings());
            throw new Refusal(meta.id(), meta.version(), "plugin " + meta.id() + " (" + jarName + ") provides nothing: " + why, Cure.NONE);
        }
        return provided;
    }

    /** A task or wrapper id already provided stays with its plugin: the newcomer is refused whole. */
    private void checkIdsFree(JarMetadata meta, Provided provided, String jarName) throws Refusal {
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
            throw new Refusal(meta.id(), meta.version(), "plugin " + meta.id() + " " + meta.version() + " (" + jarName + ") claims ids another plugin"
                    + " already provides: " + String.join(", ", taken) + "; remove one of the plugins or rename the ids"
                    + " (it loads if the other plugin goes)", Cure.UNLOAD);
        }
    }

    private PluginInfo register(Path original, JarMetadata meta, boolean builtIn, Path staged, Provided provided) throws Refusal {
        PluginInfo info = registry.register(meta.id(), meta.version(), name(), original, provided.tasks(), provided.wrappers());
        if (info.state() != PluginInfo.State.LOADED) throw new Refusal(meta.id(), meta.version(), info.error(), Cure.UNLOAD);
        if (!provided.warnings().isEmpty()) log.warn("Plugin {}: {}", meta.id(), String.join("; ", provided.warnings()));
        loaded.put(original, new Loaded(meta.id(), meta.version(), builtIn, staged, meta.dependencies()));
        log.info("Loaded plugin {} {} from {} ({} tasks, {} wrappers)", meta.id(), meta.version(), original.getFileName(),
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

    /**
     * Records a jar that did not load, under its plugin id (the file name when it has none) and
     * its file, and reports it once: one line on the {@code org.neurogym.plugins} logger.
     */
    private PluginInfo fail(Path original, String id, String version, String error, Cure cure) {
        PluginInfo info = PluginInfo.failed(id, version, name(), original, error);
        if (quiet != null && quiet.key().equals(id) && (quiet.error().equals(error) || quiet.cure() == cure)) {
            // still waiting for the same kind of change: keep the first report
            failed.put(original, quiet);
            return info;
        }
        failed.put(original, new Failure(id, error, cure));
        PluginReports.failed(info);
        registry.registerFailure(info);
        return info;
    }

    private void forgetFailure(Path original) {
        if (failed.remove(original) != null) registry.forgetFailure(original);
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
