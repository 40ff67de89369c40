package org.neurogym.core.runtime;

import java.nio.file.Path;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Plugin jars in a directory, each loaded by PF4J in a class loader of its own (PF4J also wires
 * {@code Plugin-Dependencies}: a plugin sees the classes of the plugins it depends on). The api
 * and SLF4J always come from the host, so a plugin that bundles them by mistake still works.
 * Staging, checks, failure records and watching come from {@link DirectoryRuntime}.
 *
 * <p>Unloading a plugin removes it from PF4J and the registry but does not close its class
 * loader: envs made from it keep working until they are closed, and the loader (with its open
 * staged jar) is reclaimed by the garbage collector once nothing references its classes.
 */
public final class Pf4jRuntime extends DirectoryRuntime {
    private final PluginManager manager;

    public Pf4jRuntime(Path directory) {
        super(directory);
        this.manager = new JarPluginManager(directory().toAbsolutePath()) {
            @Override
            protected PluginLoader createPluginLoader() {
                return new JarPluginLoader(this) {
                    @Override
                    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                        PluginClassLoader cl = new HostFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
                        cl.addFile(pluginPath.toFile());
                        return cl;
                    }
                };
            }
        };
    }

    /** Delegates the api and logging packages to the host before looking in the plugin. */
    static final class HostFirstClassLoader extends PluginClassLoader {
        static {
            registerAsParallelCapable();
        }

        HostFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
            super(manager, descriptor, parent);
        }

        @Override
        public Class<?> loadClass(String className) throws ClassNotFoundException {
            if (className.startsWith("org.neurogym.api.") || className.startsWith("org.slf4j.")) {
                return getParent().loadClass(className);
            }
            return super.loadClass(className);
        }

        /**
         * Service files come from the plugin's own jar only: the providers of the plugins it
         * depends on (which it can see) are theirs, not its.
         */
        @Override
        public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
            if (name.startsWith("META-INF/services/")) return findResources(name);
            return super.getResources(name);
        }

        /** Left open for the envs still alive; the garbage collector closes it with the loader. */
        @Override
        public void close() {
        }
    }

    @Override
    public String name() {
        return "pf4j";
    }

    @Override
    protected Provided open(JarMetadata meta, Path staged) throws PluginLoadException {
        String id;
        try {
            id = manager.loadPlugin(staged);
        } catch (RuntimeException | LinkageError e) {
            safeUnload(meta.id());
            throw new PluginLoadException("PF4J cannot load plugin " + meta.id() + ": " + describe(e));
        }
        PluginWrapper w = manager.getPlugin(id);
        ClassLoader loader = w.getPluginClassLoader();
        ProviderScan scan = ProviderScan.of(loader, c -> c.getClassLoader() == loader);
        if (!scan.errors().isEmpty()) {
            safeUnload(id);
            throw new PluginLoadException("plugin " + id + " " + meta.version() + ": " + String.join("; ", scan.errors())
                    + "; fix the provider (a provider needs a public no-argument constructor that does not throw)");
        }
        return new Provided(scan.tasks(), scan.wrappers(), scan.errors());
    }

    private void safeUnload(String id) {
        if (id != null && manager.getPlugin(id) != null) {
            try {
                manager.unloadPlugin(id);
            } catch (RuntimeException e) {
                // already reported by the caller
            }
        }
    }

    @Override
    protected void release(String pluginId) {
        safeUnload(pluginId);
    }

    @Override
    protected void closeRuntime() {
        manager.stopPlugins();
    }
}
