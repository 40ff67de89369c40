package org.neurogym.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.core.Experiment;
import org.neurogym.core.Host;
import org.neurogym.core.config.ExperimentConfig;
import org.neurogym.core.config.TomlValues;
import org.neurogym.core.config.WrapperConfig;
import picocli.CommandLine.Option;

/**
 * How a command gets its env: a task id, {@code --param k=v} values and an optional
 * {@code --config} file. Core makes the experiment ({@link Host#experiment}); this class only
 * reads the flags, which win over the file.
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

    /** The --config file as loaded by the last {@link #make}, or null. */
    ExperimentConfig loaded;

    /** Set by commands that run an experiment: a file's [monitor] section then wraps the env in the Monitor, outermost. */
    boolean withMonitor;

    /** The flags over the --config file, made into an env by core ({@link Host#experiment}). */
    Experiment make(Host host, String idArgument) {
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
        Experiment.Builder experiment = host.experiment(file).task(id).params(explicitParams()).monitored(withMonitor);
        if (!wraps.isEmpty() || file == null) experiment.wrappers(explicitWrappers());
        return experiment.make();
    }

    private Map<String, Object> explicitParams() {
        Map<String, Object> explicit = new LinkedHashMap<>();
        for (String p : params) {
            try {
                TomlValues.assign(explicit, p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--param: " + e.getMessage());
            }
        }
        return explicit;
    }

    private List<WrapperConfig> explicitWrappers() {
        List<WrapperConfig> wrappers = new ArrayList<>();
        for (String w : wraps) {
            try {
                wrappers.add(WrapperConfig.parse(w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--wrap " + w + ": " + e.getMessage());
            }
        }
        return wrappers;
    }
}
