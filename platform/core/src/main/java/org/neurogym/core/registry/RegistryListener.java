package org.neurogym.core.registry;

/** Told when a plugin's tasks and wrappers appear in or leave the registry. */
public interface RegistryListener {
    default void loaded(PluginInfo plugin) {}

    default void unloaded(PluginInfo plugin) {}

    default void failed(PluginInfo plugin) {}
}
