package org.neurogym.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.neurogym.api.param.Suggestions;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.WrapperDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is loaded now: tasks and wrappers by id, and the plugins they came from. Plugin runtimes
 * add and remove whole plugins; everything else reads. Thread-safe: reads see a consistent
 * snapshot, and listeners hear of every change.
 */
public final class Registry {
    private static final Logger log = LoggerFactory.getLogger(Registry.class);

    private final Object lock = new Object();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param gone task and wrapper ids (keyed {@code task:ID} / {@code wrapper:ID}) of plugins
     *     that were unloaded, with a sentence saying which plugin took them away; plain strings,
     *     so an unloaded plugin's classes are not kept reachable
     * @param failures plugins that could not be loaded, keyed by their jar (or their id when
     *     they have no file), so that two failed jars of one plugin id, or a shadowed jar of a
     *     loaded plugin, each show with their own reason
     */
    private record Snapshot(Map<String, TaskEntry> tasks, Map<String, WrapperEntry> wrappers, Map<String, PluginInfo> plugins,
                            Map<String, PluginInfo> failures, Map<String, String> gone) {}

    public void addListener(RegistryListener l) {
        listeners.add(l);
    }

    private static String failureKey(PluginInfo failed) {
        return failed.location() != null ? failed.location().toString() : "id:" + failed.id();
    }

    /**
     * Registers a plugin's tasks and wrappers, all or nothing. A plugin whose id is already loaded,
     * or which claims a task or wrapper id another plugin already provides, is refused as a whole:
     * the first plugin keeps its ids, and the returned info is {@code FAILED} with an error naming
     * the conflicting ids and the plugin that holds them.
     */
    public PluginInfo register(String pluginId, String version, String runtime, java.nio.file.Path location,
                               List<TaskDescriptor> tasks, List<WrapperDescriptor> wrappers) {
        PluginInfo info;
        synchronized (lock) {
            Snapshot s = snapshot;
            PluginInfo same = s.plugins.get(pluginId);
            if (same != null && same.state() == PluginInfo.State.LOADED) {
                PluginInfo refused = PluginInfo.failed(pluginId, version, runtime, location,
                        "a plugin with id '" + pluginId + "' is already loaded from " + same.location()
                                + "; remove one of the two jars");
                fire(l -> l.failed(refused));
                return refused;
            }
            List<String> conflicts = new ArrayList<>();
            List<String> taskIds = new ArrayList<>();
            List<String> wrapperIds = new ArrayList<>();
            for (TaskDescriptor d : tasks) {
                TaskEntry existing = s.tasks.get(d.id());
                if (existing != null || taskIds.contains(d.id())) {
                    conflicts.add("task " + d.id() + " (provided by plugin " + (existing == null ? pluginId : existing.plugin()) + ")");
                }
                taskIds.add(d.id());
            }
            for (WrapperDescriptor d : wrappers) {
                WrapperEntry existing = s.wrappers.get(d.id());
                if (existing != null || wrapperIds.contains(d.id())) {
                    conflicts.add("wrapper " + d.id() + " (provided by plugin " + (existing == null ? pluginId : existing.plugin()) + ")");
                }
                wrapperIds.add(d.id());
            }
            Map<String, PluginInfo> p = new LinkedHashMap<>(s.plugins);
            Map<String, PluginInfo> f = new LinkedHashMap<>(s.failures);
            if (!conflicts.isEmpty()) {
                info = PluginInfo.failed(pluginId, version, runtime, location, "plugin " + pluginId
                        + " claims ids another plugin already provides: " + String.join(", ", conflicts)
                        + "; remove one of the plugins or rename the ids");
                f.put(failureKey(info), info);
                snapshot = new Snapshot(s.tasks, s.wrappers, p, f, s.gone);
            } else {
                Map<String, TaskEntry> t = new LinkedHashMap<>(s.tasks);
                Map<String, WrapperEntry> w = new LinkedHashMap<>(s.wrappers);
                Map<String, String> gone = new LinkedHashMap<>(s.gone);
                for (TaskDescriptor d : tasks) {
                    t.put(d.id(), new TaskEntry(d, pluginId));
                    gone.remove("task:" + d.id());
                }
                for (WrapperDescriptor d : wrappers) {
                    w.put(d.id(), new WrapperEntry(d, pluginId));
                    gone.remove("wrapper:" + d.id());
                }
                info = new PluginInfo(pluginId, version, runtime, location, PluginInfo.State.LOADED, taskIds, wrapperIds, null);
                p.put(pluginId, info);
                f.remove(failureKey(info));
                snapshot = new Snapshot(t, w, p, f, gone);
            }
        }
        PluginInfo result = info;
        if (result.state() == PluginInfo.State.LOADED) {
            log.debug("Registered plugin {} {} ({} tasks, {} wrappers)", pluginId, version, result.tasks().size(), result.wrappers().size());
            fire(l -> l.loaded(result));
        } else {
            fire(l -> l.failed(result));
        }
        return result;
    }

    /**
     * Records a plugin that could not be loaded, so that it shows as failed (replacing an earlier
     * failure of the same jar). A failure never hides a loaded plugin of the same id.
     */
    public void registerFailure(PluginInfo failed) {
        synchronized (lock) {
            Snapshot s = snapshot;
            Map<String, PluginInfo> f = new LinkedHashMap<>(s.failures);
            f.put(failureKey(failed), failed);
            snapshot = new Snapshot(s.tasks, s.wrappers, s.plugins, f, s.gone);
        }
        fire(l -> l.failed(failed));
    }

    /** Forgets the failure recorded for a jar (it left the directory, or is being tried again). */
    public void forgetFailure(java.nio.file.Path location) {
        synchronized (lock) {
            Snapshot s = snapshot;
            if (!s.failures.containsKey(location.toString())) return;
            Map<String, PluginInfo> f = new LinkedHashMap<>(s.failures);
            f.remove(location.toString());
            snapshot = new Snapshot(s.tasks, s.wrappers, s.plugins, f, s.gone);
        }
    }

    /**
     * Removes a plugin and everything it registered. Envs already made from it keep working;
     * asking for one of its ids afterwards says that the plugin was unloaded.
     */
    public Optional<PluginInfo> unregister(String pluginId) {
        PluginInfo removed;
        synchronized (lock) {
            Snapshot s = snapshot;
            removed = s.plugins.get(pluginId);
            if (removed == null) return Optional.empty();
            Map<String, TaskEntry> t = new LinkedHashMap<>(s.tasks);
            t.values().removeIf(e -> e.plugin().equals(pluginId));
            Map<String, WrapperEntry> w = new LinkedHashMap<>(s.wrappers);
            w.values().removeIf(e -> e.plugin().equals(pluginId));
            Map<String, PluginInfo> p = new LinkedHashMap<>(s.plugins);
            p.remove(pluginId);
            Map<String, String> gone = new LinkedHashMap<>(s.gone);
            if (removed.state() == PluginInfo.State.LOADED) {
                String why = "plugin " + pluginId + (removed.version().isEmpty() ? "" : " " + removed.version())
                        + " that provided it was unloaded" + (removed.location() == null ? "" : " (its jar was " + removed.location().getFileName() + ")");
                for (String id : removed.tasks()) gone.put("task:" + id, why);
                for (String id : removed.wrappers()) gone.put("wrapper:" + id, why);
            }
            snapshot = new Snapshot(t, w, p, s.failures, gone);
        }
        if (removed.state() == PluginInfo.State.LOADED) fire(l -> l.unloaded(removed));
        return Optional.of(removed);
    }

    /**
     * Finds a task by id. {@code Name-vN} must match exactly; a bare {@code Name} means its latest
     * version. An unknown id is an {@link UnknownIdException} suggesting the nearest known ids.
     */
    public TaskEntry task(String id) {
        Snapshot s = snapshot;
        TaskEntry e = s.tasks.get(id);
        if (e != null) return e;
        if (!id.matches(".*-v\\d+")) {
            Optional<TaskEntry> latest = s.tasks.values().stream()
                    .filter(t -> t.descriptor().name().equals(id))
                    .max(Comparator.comparingInt(t -> t.descriptor().version()));
            if (latest.isPresent()) return latest.get();
        }
        throw unknown("task", id, s.tasks.keySet(), s.gone);
    }

    /** Finds a wrapper by id, or an {@link UnknownIdException} suggesting the nearest ones. */
    public WrapperEntry wrapper(String id) {
        Snapshot s = snapshot;
        WrapperEntry e = s.wrappers.get(id);
        if (e != null) return e;
        throw unknown("wrapper", id, s.wrappers.keySet(), s.gone);
    }

    public boolean hasTask(String id) {
        Snapshot s = snapshot;
        return s.tasks.containsKey(id) || s.tasks.values().stream().anyMatch(t -> t.descriptor().name().equals(id));
    }

    /** Every task, sorted by id. */
    public List<TaskEntry> tasks() {
        return snapshot.tasks.values().stream().sorted(Comparator.comparing(TaskEntry::id)).toList();
    }

    /** The tasks carrying {@code tag}, sorted by id. */
    public List<TaskEntry> tasks(String tag) {
        return tasks().stream().filter(t -> t.descriptor().tags().contains(tag)).toList();
    }

    /** Every tag of every task, sorted. */
    public List<String> tags() {
        TreeSet<String> tags = new TreeSet<>();
        for (TaskEntry t : snapshot.tasks.values()) tags.addAll(t.descriptor().tags());
        return List.copyOf(tags);
    }

    /** Every wrapper, sorted by id. */
    public List<WrapperEntry> wrappers() {
        return snapshot.wrappers.values().stream().sorted(Comparator.comparing(WrapperEntry::id)).toList();
    }

    /** Every plugin the runtimes reported: the loaded ones, then the failed jars. */
    public List<PluginInfo> plugins() {
        Snapshot s = snapshot;
        List<PluginInfo> all = new ArrayList<>(s.plugins.values());
        all.addAll(s.failures.values());
        return List.copyOf(all);
    }

    /** The loaded plugin with this id, if any. */
    public Optional<PluginInfo> loadedPlugin(String pluginId) {
        return Optional.ofNullable(snapshot.plugins.get(pluginId));
    }

    private UnknownIdException unknown(String what, String id, java.util.Collection<String> known, Map<String, String> gone) {
        String why = gone.get(what + ":" + id);
        if (why == null && !id.matches(".*-v\\d+")) {
            String prefix = what + ":" + id + "-v";
            why = gone.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (why != null) {
            return new UnknownIdException(what + " '" + id + "' is no longer available: the " + why
                    + "; put the plugin's jar back into the plugins directory to use it again", List.of());
        }
        List<String> near = Suggestions.closest(id, known, 3);
        String msg = "unknown " + what + " '" + id + "'"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                + (known.isEmpty() ? " (no " + what + "s are loaded: are the plugins installed?)"
                        : " (" + known.size() + " " + what + "s loaded; 'neurogym " + (what.equals("wrapper") ? "wrappers" : "list") + "' shows them)");
        return new UnknownIdException(msg, near);
    }

    private void fire(java.util.function.Consumer<RegistryListener> event) {
        for (RegistryListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("A registry listener failed: {}", e.toString());
            }
        }
    }
}
