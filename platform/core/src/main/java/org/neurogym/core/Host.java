package org.neurogym.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.core.config.ExperimentConfig;
import org.neurogym.core.runtime.ClasspathRuntime;
import org.neurogym.core.runtime.DirectoryRuntime;
import org.neurogym.core.runtime.Pf4jRuntime;
import org.neurogym.core.runtime.PluginRuntime;
import org.neurogym.core.registry.Registry;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.core.registry.WrapperEntry;

/**
 * One running host: a registry fed by plugin runtimes. Make envs by id, wrap them by id, list
 * what is loaded. Close it to unload the plugins.
 */
public final class Host implements AutoCloseable, EnvMaker {
    private final Registry registry = new Registry();
    private final List<PluginRuntime> runtimes;

    private Host(List<PluginRuntime> runtimes, boolean watch) {
        this.runtimes = List.copyOf(runtimes);
        for (PluginRuntime r : this.runtimes) r.start(registry);
        if (watch) watch();
    }

    /** A host of the plugins on {@code loader}'s class path. */
    public static Host classpath(ClassLoader loader) {
        return builder().classpath(loader).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<PluginRuntime> runtimes = new ArrayList<>();
        private boolean watch;

        /** Adds the plugins on a class path (ServiceLoader through {@code loader}). */
        public Builder classpath(ClassLoader loader) {
            runtimes.add(new ClasspathRuntime(loader));
            return this;
        }

        /** Adds the plugin jars of a directory, each in its own class loader (PF4J). */
        public Builder pluginsDirectory(Path dir) {
            runtimes.add(new Pf4jRuntime(dir));
            return this;
        }

        /** Adds any runtime. */
        public Builder runtime(PluginRuntime runtime) {
            runtimes.add(runtime);
            return this;
        }

        /**
         * Watches the plugins directories once started: jars added, removed or replaced are loaded,
         * unloaded or reloaded while the host runs.
         */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        public Host build() {
            return new Host(runtimes, watch);
        }
    }

    /** Starts watching every plugins directory of this host (idempotent). */
    public void watch() {
        for (PluginRuntime r : runtimes) if (r instanceof DirectoryRuntime d) d.watch();
    }

    public Registry registry() {
        return registry;
    }

    public List<PluginRuntime> runtimes() {
        return runtimes;
    }

    /** Makes task {@code id} ({@code Name-v0}, or {@code Name} for its latest version) with default parameters. */
    public Env make(String id) {
        return make(id, Map.of());
    }

    /** Makes task {@code id} with {@code params} (validated against its schema); a composed task's parts come from this host. */
    @Override
    public Env make(String id, Map<String, ?> params) {
        return registry.task(id).descriptor().create(params, this);
    }

    /**
     * Makes an experiment: its task with its parameters, its wrappers innermost first and, when it
     * has a {@code [monitor]} section, the Monitor outermost. A problem with a value is a
     * {@link org.neurogym.core.config.ConfigException} naming the key and its file:line:col.
     */
    public Env make(ExperimentConfig experiment) {
        return experiment(experiment).monitored(true).make().env();
    }

    /** Makes the experiment of a TOML file (over the {@code NGYM_} environment variables), as {@link #make(ExperimentConfig)}. */
    public Env make(Path experimentFile) {
        return make(ExperimentConfig.load(experimentFile));
    }

    /**
     * An experiment to make from a file's configuration ({@code null} for none) with explicit
     * values over it: the CLI's flags, or a caller's overrides.
     */
    public Experiment.Builder experiment(ExperimentConfig file) {
        return new Experiment.Builder(this, file);
    }

    /** Wraps {@code env} with wrapper {@code id} and its parameters. */
    @Override
    public Env wrap(Env env, String id, Map<String, ?> params) {
        return registry.wrapper(id).descriptor().wrap(env, params, this);
    }

    public List<TaskEntry> tasks() {
        return registry.tasks();
    }

    public List<TaskEntry> tasks(String tag) {
        return registry.tasks(tag);
    }

    public List<String> tags() {
        return registry.tags();
    }

    public List<WrapperEntry> wrappers() {
        return registry.wrappers();
    }

    @Override
    public void close() {
        for (PluginRuntime r : runtimes) {
            try {
                r.close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Host.class).warn("Closing runtime {}: {}", r.name(), e.toString());
            }
        }
    }
}
