package org.neurogym.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.apache.felix.framework.util.FelixConstants;
import org.neurogym.core.runtime.DirectoryRuntime;
import org.neurogym.core.runtime.JarMetadata;
import org.neurogym.core.runtime.ProviderScan;
import org.neurogym.core.registry.Registry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin jars of a directory as bundles of an embedded Apache Felix framework. The host's api
 * (and SLF4J) packages are exported by the system bundle with their versions, so a plugin's
 * {@code Import-Package: org.neurogym.api;version="[0.2.0,0.3.0)"} resolves against the very
 * classes the host uses. Providers are read from each bundle's {@code META-INF/services} through
 * its bundle class loader. A jar with PF4J headers but no bundle headers is given minimal ones
 * (symbolic name from {@code Plugin-Id}, the api imported), so every plugin jar runs here.
 *
 * <p>Staging, checks, failure records and the watched directory are those of every directory
 * runtime ({@link DirectoryRuntime}): bundles are installed, updated and uninstalled live.
 * Uninstalled bundles are refreshed away when the runtime closes, so envs made from them keep
 * working until then.
 */
public final class OsgiRuntime extends DirectoryRuntime {
    private static final Logger log = LoggerFactory.getLogger(OsgiRuntime.class);

    private final Map<String, Bundle> bundles = new HashMap<>();
    private Felix felix;
    private Path storage;

    public OsgiRuntime(Path directory) {
        super(directory);
    }

    @Override
    public String name() {
        return "osgi";
    }

    @Override
    public void start(Registry registry) {
        try {
            storage = Files.createTempDirectory("neurogym-felix-");
            Map<String, Object> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostPackages.exports());
            config.put(FelixConstants.LOG_LOGGER_PROP, new FelixLog());
            config.put(FelixConstants.LOG_LEVEL_PROP, "1");
            felix = new Felix(config);
            felix.init();
            felix.start();
        } catch (BundleException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the OSGi framework (Apache Felix): " + e.getMessage(), e);
        }
        super.start(registry);
    }

    /** The running framework (for tests and tools). */
    public Felix framework() {
        return felix;
    }

    @Override
    protected Optional<String> fallbackId(JarMetadata meta) {
        String bsn = meta.header(Constants.BUNDLE_SYMBOLICNAME);
        return bsn == null ? Optional.empty() : Optional.of(bsn.split(";")[0].trim());
    }

    @Override
    protected Provided open(JarMetadata meta, Path staged) throws PluginLoadException {
        Bundle bundle;
        try {
            Path jar = meta.header(Constants.BUNDLE_MANIFESTVERSION) == null ? BundleHeaders.add(staged, meta) : staged;
            try (InputStream in = Files.newInputStream(jar)) {
                bundle = felix.getBundleContext().installBundle(staged.toUri().toString(), in);
            } finally {
                if (!jar.equals(staged)) Files.deleteIfExists(jar);
            }
        } catch (IOException | BundleException e) {
            throw new PluginLoadException("cannot install plugin " + meta.id() + " as a bundle: " + e.getMessage());
        }
        bundles.put(meta.id(), bundle);
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new PluginLoadException("cannot resolve plugin " + meta.id() + " " + meta.version() + " as a bundle: "
                    + e.getMessage() + " (its Import-Package must match the api version " + HostPackages.apiVersion()
                    + " that this host exports)");
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) throw new PluginLoadException("plugin " + meta.id() + " has no class loader in the OSGi framework");
        ProviderScan scan = ProviderScan.of(loader, c -> c.getClassLoader() == loader);
        if (!scan.errors().isEmpty()) {
            throw new PluginLoadException("plugin " + meta.id() + " " + meta.version() + ": " + String.join("; ", scan.errors())
                    + "; fix the provider (a provider needs a public no-argument constructor that does not throw)");
        }
        return new Provided(scan.tasks(), scan.wrappers(), List.of());
    }

    @Override
    protected void release(String pluginId) {
        Bundle b = bundles.remove(pluginId);
        if (b == null || b.getState() == Bundle.UNINSTALLED) return;
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            log.warn("Uninstalling bundle of plugin {}: {}", pluginId, e.getMessage());
        }
    }

    @Override
    protected void closeRuntime() {
        if (felix == null) return;
        try {
            felix.adapt(FrameworkWiring.class).refreshBundles(null);
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException | InterruptedException | RuntimeException e) {
            log.warn("Stopping the OSGi framework: {}", e.toString());
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
        felix = null;
        if (storage != null) {
            try (Stream<Path> s = Files.walk(storage)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.debug("Cleaning {}: {}", storage, e.toString());
            }
        }
    }

    /** Felix's own log, into SLF4J (Felix would print to stdout otherwise). */
    static final class FelixLog extends org.apache.felix.framework.Logger {
        @Override
        protected void doLog(Bundle bundle, org.osgi.framework.ServiceReference sr, int level, String msg, Throwable t) {
            if (level <= LOG_ERROR) log.debug("Felix: {}{}", msg, t == null ? "" : ": " + t);
        }
    }
}
