package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.Experiment;
import org.neurogym.api.Env;
import org.neurogym.core.config.ExperimentConfig;
import org.neurogym.core.config.TomlValues;
import org.neurogym.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check an experiment file, or show the effective configuration after all sources.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Show.class})
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.OK;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate an experiment file: every key, type and range, then make its task and wrappers.",
                    "Errors name the file, line, column and key; exit 2 when the file is not valid."})
    static final class Check implements Callable<Integer> {
        @ParentCommand ConfigCommand parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The experiment TOML file.")
        Path file;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() {
            ExperimentConfig c = ExperimentConfig.load(file);
            String task = null;
            if (c.env() != null) {
                EnvOptions options = new EnvOptions();
                options.config = file;
                // The [monitor] section is checked with the Monitor's own rules when its plugin is loaded.
                options.withMonitor = parent.main.host().wrappers().stream().anyMatch(w -> w.descriptor().id().equals("Monitor"));
                Experiment made = options.make(parent.main.host(), null);
                task = made.task().id();
                try (Env env = made.env()) {
                    // made only to check the parameters and wrappers
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file.toString());
                m.put("valid", true);
                m.put("task", task);
                m.put("wrappers", c.wrappers().stream().map(w -> w.name()).toList());
                out.println(Json.write(m));
            } else {
                out.println(file + ": valid" + (task == null ? " (no [env])" : " (task " + task
                        + (c.wrappers().isEmpty() ? "" : ", wrappers " + String.join(", ", c.wrappers().stream().map(w -> w.name()).toList()))
                        + ")"));
            }
            return Main.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the effective configuration, defaults included, as TOML (or JSON): explicit --set values "
                    + "over the --config file over NGYM_ environment variables (NGYM_MONITOR__INTERVAL=50) over the defaults."})
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "An experiment TOML file.")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An explicit value, dotted key and TOML value: monitor.interval=50. Repeatable.")
        List<String> set = new ArrayList<>();

        @Option(names = "--json", description = "Print JSON instead of TOML.")
        boolean json;

        @Override
        public Integer call() {
            Map<String, Object> explicit = new LinkedHashMap<>();
            for (String s : set) {
                try {
                    TomlValues.assign(explicit, s);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--set: " + e.getMessage());
                }
            }
            ExperimentConfig.Sources sources = ExperimentConfig.sources();
            if (config != null) sources.file(config);
            if (!explicit.isEmpty()) sources.explicit(explicit);
            ExperimentConfig c = sources.resolve();
            PrintWriter out = spec.commandLine().getOut();
            if (json) out.println(Json.write(c.toMap()));
            else out.print(c.toToml());
            return Main.OK;
        }
    }
}
