package org.neurogym.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParameterException;
import org.neurogym.core.Host;
import org.neurogym.core.config.ExperimentConfig;
import org.neurogym.core.config.TomlValues;
import org.neurogym.core.config.WrapperConfig;
import org.neurogym.core.registry.TaskEntry;
import picocli.CommandLine.Option;

/**
 * How a command gets its env: a task id, {@code --param k=v} values and an optional
 * {@code --config} file. Explicit values win over the file.
 */
final class EnvOptions {
    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A task parameter, as TOML: sigma=0.5, cohs=[0,12.8], timing.stimulus=500. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "An experiment TOML file: its [env] names the task and its parameters, its [[wrappers]] the wrappers.")
    Path config;

    @Option(names = {"-w", "--wrap"}, paramLabel = "WRAPPER[:KEY=VALUE,...]",
            description = "Wrap the task, innermost first: PassReward, Noise:std_noise=0.2. Repeatable; replaces the file's [[wrappers]].")
    List<String> wraps = new ArrayList<>();

    @Option(names = "--collection", paramLabel = "NAME",
            description = "Use a whole task collection as one scheduled env with rule inputs, e.g. yang19 (the task <NAME>.all-v0).")
    String collection;

    /** The chosen task, its parameters, the wrappers applied, and the env made from them. */
    record Made(TaskEntry entry, Map<String, Object> params, List<WrapperConfig> wrappers, Env env) {}

    /** The --config file as loaded by the last {@link #make}, or null. */
    ExperimentConfig loaded;

    Made make(Host host, String idArgument) {
        ExperimentConfig file = config == null ? null : ExperimentConfig.load(config);
        loaded = file;
        String id = idArgument;
        if (collection != null) {
            if (id != null) throw new IllegalArgumentException("give a task id or --collection, not both");
            id = collection.trim() + ".all-v0";
            if (!host.registry().hasTask(id)) {
                throw new IllegalArgumentException("--collection: no collection '" + collection + "' (no task " + id + " is installed)");
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        if (file != null && file.env() != null) {
            if (id == null) id = file.env().name();
            if (id.equals(file.env().name()) || host.registry().task(id).id().equals(taskOfFile(host, file).id())) {
                merged.putAll(file.env().params());
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("no task given: name one (e.g. PerceptualDecisionMaking-v0) or pass --config with an [env] name");
        }
        Map<String, Object> explicit = new LinkedHashMap<>();
        for (String p : params) {
            try {
                TomlValues.assign(explicit, p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--param: " + e.getMessage());
            }
        }
        mergeDeep(merged, explicit);
        TaskEntry entry = file != null && file.env() != null && id.equals(file.env().name()) ? taskOfFile(host, file) : host.registry().task(id);
        Env env;
        try {
            env = entry.descriptor().create(merged);
        } catch (ParameterException e) {
            String root = e.key().contains(".") ? e.key().substring(0, e.key().indexOf('.')) : e.key();
            if (file != null && file.env() != null && !explicit.containsKey(root) && file.env().params().containsKey(root)) {
                throw file.error("env." + e.key(), e.getMessage());
            }
            throw e;
        }
        boolean fromFile = wraps.isEmpty() && file != null;
        List<WrapperConfig> wrappers = new ArrayList<>();
        if (fromFile) {
            wrappers.addAll(file.wrappers());
        } else {
            for (String w : wraps) {
                try {
                    wrappers.add(WrapperConfig.parse(w));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--wrap " + w + ": " + e.getMessage());
                }
            }
        }
        for (int i = 0; i < wrappers.size(); i++) {
            WrapperConfig w = wrappers.get(i);
            try {
                env = host.wrap(env, w.name(), w.params());
            } catch (ParameterException e) {
                env.close();
                if (fromFile) throw file.wrapperError(i, e.key(), e.getMessage());
                throw e;
            } catch (org.neurogym.core.registry.UnknownIdException e) {
                env.close();
                if (fromFile) throw file.wrapperError(i, "name", e.getMessage());
                throw e;
            } catch (org.neurogym.api.NeuroGymException e) {
                env.close();
                // a wrapper that cannot apply to this task is a usage error
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (RuntimeException e) {
                env.close();
                throw e;
            }
        }
        if (withMonitor && file != null && file.hasMonitor()) {
            Map<String, Object> monitor = monitorParams(file, entry.id());
            try {
                env = host.wrap(env, "Monitor", monitor);
            } catch (org.neurogym.core.registry.UnknownIdException e) {
                env.close();
                throw file.error("monitor", "[monitor] needs the Monitor wrapper, from the monitor plugin: " + e.getMessage());
            } catch (ParameterException e) {
                env.close();
                throw file.error("monitor." + e.key(), e.getMessage());
            }
            wrappers.add(new WrapperConfig("Monitor", monitor));
        }
        return new Made(entry, merged, wrappers, env);
    }

    /** The task the file's [env] name names; an unknown one is an error at the name's file:line:col. */
    private static TaskEntry taskOfFile(Host host, ExperimentConfig file) {
        try {
            return host.registry().task(file.env().name());
        } catch (org.neurogym.core.registry.UnknownIdException e) {
            throw file.error("env.name", e.getMessage());
        }
    }

    /** Set by commands that run an experiment: a file's [monitor] section then wraps the env in the Monitor, outermost. */
    boolean withMonitor;

    /** The Monitor wrapper's parameters from the file's (validated) [monitor] section and local_dir. */
    private static Map<String, Object> monitorParams(ExperimentConfig file, String envName) {
        var m = file.monitor();
        Map<String, Object> plot = new LinkedHashMap<>();
        plot.put("create", m.plot().create());
        plot.put("step", m.plot().step());
        plot.put("title", m.plot().title());
        plot.put("ext", m.plot().ext());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", m.name());
        p.put("trigger", m.trigger());
        p.put("interval", m.interval());
        p.put("verbose", m.verbose());
        p.put("plot", plot);
        p.put("local_dir", file.localDir());
        p.put("env_name", envName);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static void mergeDeep(Map<String, Object> target, Map<String, Object> over) {
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object old = target.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) old);
                mergeDeep(copy, (Map<String, Object>) e.getValue());
                target.put(e.getKey(), copy);
            } else {
                target.put(e.getKey(), e.getValue());
            }
        }
    }
}
