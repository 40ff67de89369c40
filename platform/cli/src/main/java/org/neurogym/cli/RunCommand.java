package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.Experiment;
import org.neurogym.api.Env;
import org.neurogym.core.json.Json;
import org.neurogym.core.run.RunReport;
import org.neurogym.core.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Step a task with an agent and report reward, performance, speed and a digest of the run.",
                "Without --trials or --steps: the --config file's [agent.inference], else 100 trials."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Mixin SharedOptions.AgentChoice agent = new SharedOptions.AgentChoice("random");
    /** Absent: the --config file's [agent.inference], else 100 trials. */
    @Mixin SharedOptions.Length length = new SharedOptions.Length();
    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.fixed(0);
    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    @Override
    public Integer call() {
        envOptions.withMonitor = true; // a [monitor] section in --config records the run
        Experiment made = envOptions.make(main.host(), id);
        Runner.Limit limit = limit();
        long s = seed.value();
        RunReport report;
        try (Env env = made.env()) {
            report = Runner.run(made.task().id(), env, agent.make(env, s), agent.spec, s, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", report.task());
            m.put("agent", report.agent());
            m.put("seed", report.seed());
            m.put("trials", report.trials());
            m.put("steps", report.steps());
            m.put("totalReward", report.totalReward());
            m.put("meanReward", report.meanRewardPerTrial());
            m.put("meanPerformance", report.meanPerformance());
            m.put("stepsPerSecond", report.stepsPerSecond());
            m.put("digest", report.digest());
            if (!report.infoMeans().isEmpty()) m.put("infoMeans", report.infoMeans());
            out.println(Json.write(m));
        } else {
            out.println(report.task() + "  agent " + report.agent() + "  seed " + report.seed());
            out.printf("  trials              %s%n", Output.number(report.trials()));
            out.printf("  steps               %s%n", Output.number(report.steps()));
            out.printf("  mean reward/trial   %s%n", Output.fixed(report.meanRewardPerTrial(), 4));
            out.printf("  mean performance    %s%n", Output.fixed(report.meanPerformance(), 4));
            out.printf("  steps/second        %s%n", Output.number(Math.round(report.stepsPerSecond())));
            out.printf("  digest              %s%n", report.digest());
            report.infoMeans().forEach((k, v) -> out.printf("  mean %-14s %s%n", k, Output.fixed(v, 4)));
        }
        return Main.OK;
    }

    /** --trials or --steps; else the --config file's [agent.inference]; else 100 trials. */
    private Runner.Limit limit() {
        if (length.given()) return length.trials != null ? Runner.Limit.trials(length.trials) : Runner.Limit.steps(length.steps);
        if (envOptions.loaded != null) {
            var inference = envOptions.loaded.agent().inference();
            return inference.unit().equals("trial") ? Runner.Limit.trials(inference.value()) : Runner.Limit.steps(inference.value());
        }
        return Runner.Limit.trials(100);
    }
}
