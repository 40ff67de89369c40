package org.neurogym.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.Registry;

/**
 * Plugins on a class path, found with {@link java.util.ServiceLoader} through an explicit class
 * loader (library use and tests). Each jar or classes directory holding providers is one plugin,
 * named by its {@code Plugin-Id} header when it has one, and refused when its
 * {@code Plugin-Requires} excludes this host's api, as directory plugins are.
 */
public final class ClasspathRuntime implements PluginRuntime {
    private final ClassLoader loader;
    private final List<String> registered = new ArrayList<>();
    private Registry registry;

    public ClasspathRuntime(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public void start(Registry registry) {
        this.registry = registry;
        ProviderScan all = ProviderScan.of(loader, c -> true);
        record Group(List<TaskDescriptor> tasks, List<WrapperDescriptor> wrappers) {}
        Map<Path, Group> bySource = new LinkedHashMap<>();
        Map<Path, Class<?>> sample = new LinkedHashMap<>();
        for (int i = 0; i < all.tasks().size(); i++) {
            Class<?> origin = all.taskOrigins().get(i);
            Path src = sourceOf(origin);
            bySource.computeIfAbsent(src, k -> new Group(new ArrayList<>(), new ArrayList<>())).tasks().add(all.tasks().get(i));
            sample.putIfAbsent(src, origin);
        }
        for (int i = 0; i < all.wrappers().size(); i++) {
            Class<?> origin = all.wrapperOrigins().get(i);
            Path src = sourceOf(origin);
            bySource.computeIfAbsent(src, k -> new Group(new ArrayList<>(), new ArrayList<>())).wrappers().add(all.wrappers().get(i));
            sample.putIfAbsent(src, origin);
        }
        for (Map.Entry<Path, Group> e : bySource.entrySet()) {
            Manifest mf = manifest(e.getKey());
            String id = header(mf, "Plugin-Id");
            if (id == null) id = derivedId(sample.get(e.getKey()), e.getKey());
            String version = header(mf, "Plugin-Version");
            var refusal = ApiRequirement.refusal(id, version, e.getKey().getFileName().toString(), header(mf, "Plugin-Requires"));
            if (refusal.isPresent()) {
                report(PluginInfo.failed(id, version, name(), e.getKey(), refusal.get()));
                continue;
            }
            PluginInfo info = registry.register(id, version, name(), e.getKey(), e.getValue().tasks(), e.getValue().wrappers());
            if (info.state() == PluginInfo.State.LOADED) registered.add(id);
            else PluginReports.failed(info);
        }
        for (String error : all.errors()) report(PluginInfo.failed("classpath-provider", "", name(), null, error));
    }

    private void report(PluginInfo failed) {
        PluginReports.failed(failed);
        registry.registerFailure(failed);
    }

    /** Where a provider's code lives: its jar or classes directory. */
    private static Path sourceOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) return Path.of("<unknown>");
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(cs.getLocation().getPath());
        }
    }

    private static String derivedId(Class<?> c, Path source) {
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? source.getFileName().toString() : pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    private static Manifest manifest(Path source) {
        try {
            if (Files.isDirectory(source)) {
                Path mf = source.resolve("META-INF/MANIFEST.MF");
                if (!Files.exists(mf)) return null;
                try (InputStream in = Files.newInputStream(mf)) {
                    return new Manifest(in);
                }
            }
            if (Files.isRegularFile(source)) {
                try (JarFile jar = new JarFile(source.toFile())) {
                    return jar.getManifest();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String header(Manifest mf, String name) {
        if (mf == null) return null;
        String v = mf.getMainAttributes().getValue(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public void close() {
        if (registry != null) for (String id : registered) registry.unregister(id);
        registered.clear();
    }

}
