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
import org.neurogym.core.json.Json;
import org.neurogym.plot.figure.PsychometricFigure;
import org.neurogym.plot.psychometric.Choices;
import org.neurogym.plot.psychometric.Probit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "psychometric", mixinStandardHelpOptions = true,
        description = {"Run trials of a two-choice task, fit the probit P(x) = 0.5 (1 + erf((beta x + alpha) / sqrt 2)) "
                + "to the choices against the signed evidence, and draw the curve over the data as a PNG.",
                "Without --trials: 1000 trials."})
final class PsychometricCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Mixin SharedOptions.AgentChoice agent = new SharedOptions.AgentChoice("threshold");
    /** Absent: 1000 trials; a curve counts trials, so this command has no --steps. */
    @Mixin SharedOptions.Trials length = new SharedOptions.Trials();
    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.fixed(0);
    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    @Option(names = "--evidence", paramLabel = "FACT", defaultValue = "coh",
            description = "The trial fact measuring the evidence (default ${DEFAULT-VALUE}).")
    String evidence;

    @Option(names = "--side", paramLabel = "FACT", defaultValue = "ground_truth",
            description = "The trial fact naming the correct side, 0 or 1, which signs the evidence (default ${DEFAULT-VALUE}).")
    String side;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The PNG file to write.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title (default: task and agent).")
    String title;

    @Override
    public Integer call() {
        length.given();
        long asked = length.trials == null ? 1000 : length.trials;
        if (asked < 2 || asked > Integer.MAX_VALUE) throw new IllegalArgumentException("--trials must be in [2, " + Integer.MAX_VALUE + "], got " + asked);
        int trials = (int) asked;
        long s = seed.value();
        OutputFile target = OutputFile.check("--out", out);
        org.neurogym.plot.figure.Figure.format(out);
        Experiment made = envOptions.make(main.host(), id);
        Choices choices;
        try (Env env = made.env()) {
            choices = Choices.collect(env, agent.make(env, s), s, trials, evidence, side);
        }
        if (choices.evidence().length < 2) {
            throw new org.neurogym.api.NeuroGymException(made.task().id() + ": only " + choices.evidence().length + " of "
                    + trials + " trials ended with a choice; the agent must choose to draw a psychometric curve");
        }
        Probit.Fit fit = choices.fit();
        String t = title != null ? title : made.task().id() + ", agent " + agent.spec;
        PsychometricFigure.writePng(choices, fit, t, "Signed evidence (" + evidence + ")", out);
        target.reportReplaced(spec.commandLine().getErr());
        PrintWriter w = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", made.task().id());
            m.put("agent", agent.spec);
            m.put("seed", s);
            m.put("trials", trials);
            m.put("withChoice", choices.evidence().length);
            m.put("beta", fit.beta());
            m.put("alpha", fit.alpha());
            m.put("converged", fit.converged());
            List<Object> levels = new ArrayList<>();
            for (Map.Entry<Double, double[]> e : choices.byLevel().entrySet()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("evidence", e.getKey());
                l.put("n", (long) e.getValue()[0]);
                l.put("pChoice1", e.getValue()[1]);
                l.put("sem", e.getValue()[2]);
                levels.add(l);
            }
            m.put("levels", levels);
            m.put("out", out.toString());
            w.println(Json.write(m));
        } else {
            w.println("wrote " + out + " (" + made.task().id() + ", agent " + agent.spec + ", seed " + s + ", " + choices.evidence().length + " of "
                    + trials + " trials with a choice)");
            w.println("  probit fit   beta " + Output.number(fit.beta()) + "  alpha " + Output.number(fit.alpha())
                    + (fit.converged() ? "" : "  (not converged: a step, or too few trials)"));
            for (Map.Entry<Double, double[]> e : choices.byLevel().entrySet()) {
                w.printf("  %8s  n %5d  P(choice[1]) %s%n", Output.number(e.getKey()), (long) e.getValue()[0], Output.fixed(e.getValue()[1], 3));
            }
        }
        return Main.OK;
    }
}
