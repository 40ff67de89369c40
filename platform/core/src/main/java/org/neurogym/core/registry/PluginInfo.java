package org.neurogym.core.registry;

import java.nio.file.Path;
import java.util.List;

/**
 * What the host knows of one plugin: where it came from, what it provides, and whether it loaded.
 *
 * @param id the plugin id ({@code Plugin-Id}), or a name derived from the jar or class path
 * @param version the plugin version, or "" when unknown
 * @param runtime which runtime loaded it ({@code classpath}, {@code pf4j}...)
 * @param location the jar or directory, when there is one
 * @param state {@code LOADED} or {@code FAILED}
 * @param tasks the task ids it registered
 * @param wrappers the wrapper ids it registered
 * @param error why it failed (or what was refused), else null
 */
public record PluginInfo(String id, String version, String runtime, Path location, State state,
                         List<String> tasks, List<String> wrappers, String error) {
    public enum State { LOADED, FAILED }

    public PluginInfo {
        tasks = List.copyOf(tasks);
        wrappers = List.copyOf(wrappers);
        version = version == null ? "" : version;
    }

    public static PluginInfo failed(String id, String version, String runtime, Path location, String error) {
        return new PluginInfo(id, version, runtime, location, State.FAILED, List.of(), List.of(), error);
    }
}
