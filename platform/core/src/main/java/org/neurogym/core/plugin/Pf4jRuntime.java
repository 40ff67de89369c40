package org.neurogym.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.neurogym.api.spi.ApiVersion;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.Registry;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin jars in a directory, each loaded by PF4J in a class loader of its own. The api and SLF4J
 * always come from the host, so a plugin that bundles them by mistake still works. A jar that
 * cannot be loaded is reported as failed and the others load.
 */
public final class Pf4jRuntime implements PluginRuntime {
    private static final Logger log = LoggerFactory.getLogger(Pf4jRuntime.class);

    private final Path directory;
    private final PluginManager manager;
    private final List<String> registered = new ArrayList<>();
    private Registry registry;

    public Pf4jRuntime(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.manager = new JarPluginManager(this.directory) {
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
    }

    @Override
    public String name() {
        return "pf4j";
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void start(Registry registry) {
        this.registry = registry;
        if (!Files.isDirectory(directory)) {
            log.warn("Plugins directory {} does not exist: no plugins loaded from it", directory);
            return;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(directory)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            log.error("Cannot read plugins directory {}: {}", directory, e.toString());
            return;
        }
        for (Path jar : jars) load(jar);
    }

    /** Loads one plugin jar and registers what it provides; failures are recorded, never thrown. */
    public PluginInfo load(Path jar) {
        String pluginId;
        try {
            pluginId = manager.loadPlugin(jar);
        } catch (RuntimeException | LinkageError e) {
            return fail(jar, jar.getFileName().toString(), "", "cannot load " + jar.getFileName() + ": " + rootMessage(e)
                    + " (is it a NeuroGym plugin jar with Plugin-Id and Plugin-Version manifest headers?)");
        }
        if (pluginId == null) {
            return fail(jar, jar.getFileName().toString(), "", "PF4J did not load " + jar.getFileName()
                    + " (a plugin with the same id may already be loaded)");
        }
        PluginWrapper w = manager.getPlugin(pluginId);
        String version = w.getDescriptor().getVersion();
        String requires = w.getDescriptor().getRequires();
        if (requires != null && !requires.isBlank() && !requires.equals("*")) {
            boolean ok;
            try {
                ok = ApiVersion.satisfies(ApiVersion.current(), requires);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                manager.unloadPlugin(pluginId);
                return fail(jar, pluginId, version, "plugin " + pluginId + " " + version + " requires api " + requires
                        + " but this host provides api " + ApiVersion.current() + "; use a plugin built for this api version");
            }
        }
        ProviderScan scan = ProviderScan.of(w.getPluginClassLoader(), c -> c.getClassLoader() == w.getPluginClassLoader());
        if (scan.tasks().isEmpty() && scan.wrappers().isEmpty()) {
            manager.unloadPlugin(pluginId);
            String why = scan.errors().isEmpty() ? "it declares no TaskProvider or WrapperProvider in META-INF/services"
                    : String.join("; ", scan.errors());
            return fail(jar, pluginId, version, "plugin " + pluginId + " provides nothing: " + why);
        }
        PluginInfo info = registry.register(pluginId, version, name(), jar, scan.tasks(), scan.wrappers());
        if (!scan.errors().isEmpty()) log.warn("Plugin {}: {}", pluginId, String.join("; ", scan.errors()));
        if (info.state() == PluginInfo.State.LOADED) {
            registered.add(pluginId);
            log.info("Loaded plugin {} {} from {} ({} tasks, {} wrappers)", pluginId, version, jar.getFileName(),
                    info.tasks().size(), info.wrappers().size());
        } else {
            manager.unloadPlugin(pluginId);
        }
        return info;
    }

    /** Unregisters a plugin and releases its class loader. */
    public void unload(String pluginId) {
        registry.unregister(pluginId);
        registered.remove(pluginId);
        try {
            manager.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            log.warn("Unloading plugin {}: {}", pluginId, e.toString());
        }
    }

    private PluginInfo fail(Path jar, String id, String version, String error) {
        PluginInfo info = PluginInfo.failed(id, version, name(), jar, error);
        log.error("Plugin {} failed: {}", jar.getFileName(), error);
        registry.registerFailure(info);
        return info;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }

    @Override
    public void close() {
        for (String id : List.copyOf(registered)) unload(id);
        manager.stopPlugins();
    }
}
