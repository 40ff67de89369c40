package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.TaskInfo;
import org.neurogym.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a task: paper, timing, rewards, parameters, spaces and trial lengths.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id, e.g. PerceptualDecisionMaking-v0 (or from --config).")
    String id;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "1000", description = "Trials sampled for the trial-length statistics (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the sampled trials (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        if (trials <= 0) throw new IllegalArgumentException("--trials must be positive, got " + trials);
        EnvOptions.Made made = envOptions.make(main.host(), id);
        Map<String, Object> info;
        try (var env = made.env()) {
            info = TaskInfo.describe(made.entry(), env, trials, seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(info));
        } else {
            print(out, info);
        }
        return Main.OK;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> info) {
        out.println(info.get("id") + "  (" + info.get("family") + ", plugin " + info.get("plugin") + ")");
        out.println("  " + info.get("description"));
        Map<String, Object> paper = (Map<String, Object>) info.get("paper");
        if (!String.valueOf(paper.get("name")).isEmpty()) out.println("  Paper: " + paper.get("name") + " " + paper.get("link"));
        out.println("  Tags: " + String.join(", ", (List<String>) info.get("tags")));
        out.println("  dt: " + Output.number((Double) info.get("dt")) + " ms");
        if (info.containsKey("timing")) {
            out.println("Timing (ms):");
            ((Map<String, Object>) info.get("timing")).forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        if (info.containsKey("rewards")) {
            out.println("Rewards:");
            ((Map<String, Object>) info.get("rewards")).forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        out.println("Parameters:");
        for (Map<String, Object> p : (List<Map<String, Object>>) info.get("parameters")) {
            Object d = p.get("default");
            out.println("  " + p.get("name") + " (" + p.get("type") + ", default " + Json.line(d) + "): " + p.get("description"));
        }
        out.println("Observation space: " + Json.line(info.get("observationSpace")));
        out.println("Action space: " + Json.line(info.get("actionSpace")));
        if (info.containsKey("supervised")) out.println("Supervised target: " + ((Boolean) info.get("supervised") ? "yes" : "no"));
        if (info.containsKey("trialLengthStats")) {
            Map<String, Object> s = (Map<String, Object>) info.get("trialLengthStats");
            out.println("Trial length (steps, " + s.get("trials") + " trials): mean " + Output.fixed((Double) s.get("mean"), 2)
                    + ", std " + Output.fixed((Double) s.get("std"), 2) + ", p95 " + Output.fixed((Double) s.get("p95"), 1)
                    + ", max " + s.get("max"));
        }
    }

}
