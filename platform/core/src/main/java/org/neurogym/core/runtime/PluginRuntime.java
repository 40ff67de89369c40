package org.neurogym.core.runtime;

import org.neurogym.core.registry.Registry;

/**
 * A way of finding plugins and feeding the registry: the classpath, a PF4J plugins directory,
 * (later) an OSGi framework. A runtime reports every plugin it finds, loaded or failed, and never
 * lets one plugin's failure stop the others.
 */
public interface PluginRuntime extends AutoCloseable {

    /** A short name shown in {@code plugins list}: {@code classpath}, {@code pf4j}... */
    String name();

    /** Finds and registers plugins. */
    void start(Registry registry);

    /** Unregisters and releases everything this runtime loaded. */
    @Override
    void close();
}
