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
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    private record Snapshot(Map<String, TaskEntry> tasks, Map<String, WrapperEntry> wrappers, Map<String, PluginInfo> plugins) {}

    public void addListener(RegistryListener l) {
        listeners.add(l);
    }

    public void removeListener(RegistryListener l) {
        listeners.remove(l);
    }

    /**
     * Registers a plugin's tasks and wrappers. An id already registered by another plugin is
     * refused (the first plugin keeps it) and named in the returned info's error; the plugin's
     * other ids still register.
     */
    public PluginInfo register(String pluginId, String version, String runtime, java.nio.file.Path location,
                               List<TaskDescriptor> tasks, List<WrapperDescriptor> wrappers) {
        PluginInfo info;
        synchronized (lock) {
            Snapshot s = snapshot;
            if (s.plugins.containsKey(pluginId) && s.plugins.get(pluginId).state() == PluginInfo.State.LOADED) {
                PluginInfo refused = PluginInfo.failed(pluginId, version, runtime, location,
                        "a plugin with id '" + pluginId + "' is already loaded from " + s.plugins.get(pluginId).location());
                log.warn("Plugin {} refused: {}", pluginId, refused.error());
                fire(l -> l.failed(refused));
                return refused;
            }
            Map<String, TaskEntry> t = new LinkedHashMap<>(s.tasks);
            Map<String, WrapperEntry> w = new LinkedHashMap<>(s.wrappers);
            List<String> taskIds = new ArrayList<>();
            List<String> wrapperIds = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (TaskDescriptor d : tasks) {
                TaskEntry existing = t.get(d.id());
                if (existing != null) {
                    conflicts.add("task " + d.id() + " (already provided by plugin " + existing.plugin() + ")");
                } else {
                    t.put(d.id(), new TaskEntry(d, pluginId));
                    taskIds.add(d.id());
                }
            }
            for (WrapperDescriptor d : wrappers) {
                WrapperEntry existing = w.get(d.id());
                if (existing != null) {
                    conflicts.add("wrapper " + d.id() + " (already provided by plugin " + existing.plugin() + ")");
                } else {
                    w.put(d.id(), new WrapperEntry(d, pluginId));
                    wrapperIds.add(d.id());
                }
            }
            String error = conflicts.isEmpty() ? null : "ids refused because another plugin claimed them first: " + String.join(", ", conflicts);
            info = new PluginInfo(pluginId, version, runtime, location, PluginInfo.State.LOADED, taskIds, wrapperIds, error);
            Map<String, PluginInfo> p = new LinkedHashMap<>(s.plugins);
            p.put(pluginId, info);
            snapshot = new Snapshot(t, w, p);
        }
        if (info.error() != null) log.warn("Plugin {}: {}", pluginId, info.error());
        log.debug("Loaded plugin {} {} ({} tasks, {} wrappers)", pluginId, version, info.tasks().size(), info.wrappers().size());
        PluginInfo loaded = info;
        fire(l -> l.loaded(loaded));
        return info;
    }

    /** Records a plugin that could not be loaded, so that it shows as failed. */
    public void registerFailure(PluginInfo failed) {
        synchronized (lock) {
            Snapshot s = snapshot;
            Map<String, PluginInfo> p = new LinkedHashMap<>(s.plugins);
            if (!(p.containsKey(failed.id()) && p.get(failed.id()).state() == PluginInfo.State.LOADED)) p.put(failed.id(), failed);
            snapshot = new Snapshot(s.tasks, s.wrappers, p);
        }
        fire(l -> l.failed(failed));
    }

    /** Removes a plugin and everything it registered. */
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
            snapshot = new Snapshot(t, w, p);
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
        throw unknown("task", id, s.tasks.keySet());
    }

    /** Finds a wrapper by id, or an {@link UnknownIdException} suggesting the nearest ones. */
    public WrapperEntry wrapper(String id) {
        Snapshot s = snapshot;
        WrapperEntry e = s.wrappers.get(id);
        if (e != null) return e;
        throw unknown("wrapper", id, s.wrappers.keySet());
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

    /** Every plugin the runtimes reported, loaded or failed. */
    public List<PluginInfo> plugins() {
        return List.copyOf(snapshot.plugins.values());
    }

    private UnknownIdException unknown(String what, String id, java.util.Collection<String> known) {
        List<String> near = Suggestions.closest(id, known, 3);
        String msg = "unknown " + what + " '" + id + "'"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                + (known.isEmpty() ? " (no " + what + "s are loaded: are the plugins installed?)"
                        : " (" + known.size() + " " + what + "s loaded; 'neurogym list' shows them)");
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
