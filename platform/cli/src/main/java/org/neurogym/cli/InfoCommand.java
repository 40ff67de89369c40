package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.Experiment;
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id, e.g. PerceptualDecisionMaking-v0 (or from --config), or a wrapper id.")
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
        PrintWriter out = spec.commandLine().getOut();
        var registry = main.host().registry();
        if (id != null && !registry.hasTask(id) && registry.wrappers().stream().anyMatch(w -> w.id().equals(id))) {
            Map<String, Object> w = TaskInfo.describe(registry.wrapper(id));
            if (json) out.println(Json.write(w));
            else printWrapper(out, w);
            return Main.OK;
        }
        Experiment made = envOptions.make(main.host(), id);
        Map<String, Object> info;
        try (var env = made.env()) {
            info = TaskInfo.describe(made.task(), env, trials, seed);
        }
        if (!made.wrappers().isEmpty()) {
            info.put("wrappers", made.wrappers().stream().map(w -> {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("name", w.name());
                m.put("params", w.params());
                return m;
            }).toList());
        }
        if (json) {
            out.println(Json.write(info));
        } else {
            print(out, info);
        }
        return Main.OK;
    }

    /** A parameter's declared range, e.g. ", >= 2", or nothing. */
    private static String allowed(Map<String, Object> p) {
        Object a = p.get("allowed");
        return a == null || a.toString().isEmpty() ? "" : ", " + a;
    }

    @SuppressWarnings("unchecked")
    static void printWrapper(PrintWriter out, Map<String, Object> w) {
        String family = String.valueOf(w.get("family"));
        out.println(w.get("id") + "  (wrapper" + (family.isEmpty() ? "" : ", " + family) + ", plugin " + w.get("plugin") + ")");
        out.println("  " + w.get("description"));
        printPaper(out, w);
        out.println("  Accepts: " + w.get("accepts"));
        out.println("Parameters:");
        for (Map<String, Object> p : (List<Map<String, Object>>) w.get("parameters")) {
            out.println("  " + p.get("name") + " (" + p.get("type") + (Boolean.TRUE.equals(p.get("required")) ? ", required"
                    : ", default " + Json.line(p.get("default"))) + allowed(p) + "): " + p.get("description"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void printPaper(PrintWriter out, Map<String, Object> info) {
        Map<String, Object> paper = (Map<String, Object>) info.get("paper");
        if (!String.valueOf(paper.get("name")).isEmpty()) out.println("  Paper: " + paper.get("name") + " " + paper.get("link"));
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> info) {
        out.println(info.get("id") + "  (" + info.get("family") + ", plugin " + info.get("plugin") + ")");
        out.println("  " + info.get("description"));
        printPaper(out, info);
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
            out.println("  " + p.get("name") + " (" + p.get("type") + (Boolean.TRUE.equals(p.get("required")) ? ", required"
                    : ", default " + Json.line(d)) + allowed(p) + "): " + p.get("description"));
        }
        if (info.containsKey("wrappers")) out.println("Wrappers: " + Json.line(info.get("wrappers")));
        if (info.containsKey("periods")) out.println("Periods (a sample trial): " + String.join(", ", (List<String>) info.get("periods")));
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
