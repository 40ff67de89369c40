package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.Experiment;
import org.neurogym.api.Env;
import org.neurogym.core.json.Json;
import org.neurogym.plot.figure.TrialsFigure;
import org.neurogym.plot.frames.FrameImages;
import org.neurogym.plot.frames.TrialFrames;
import org.neurogym.plot.record.Recorder;
import org.neurogym.plot.record.Recording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw a few trials of a task as a PNG: observations, actions against the ground truth, rewards "
                + "and performance, with trial boundaries and periods, time in ms (the reference's plot_env).",
                "Without --trials or --steps: 2 trials."})
final class PlotCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Mixin SharedOptions.AgentChoice agent = new SharedOptions.AgentChoice("random");
    /** Absent: 2 trials. */
    @Mixin SharedOptions.Length length = new SharedOptions.Length();
    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.fixed(0);
    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The PNG file to write.")
    Path out;

    @Option(names = "--observations", paramLabel = "STYLE", defaultValue = "auto",
            description = "traces, heatmap, or auto (traces up to " + TrialsFigure.MAX_TRACES + " channels). Default ${DEFAULT-VALUE}.")
    String observations;

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title (default: the env's name).")
    String title;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1000", description = "Figure width (default ${DEFAULT-VALUE}).")
    int width;

    @Override
    public Integer call() {
        if (!observations.equals("auto") && !observations.equals("traces") && !observations.equals("heatmap")) {
            throw new IllegalArgumentException("--observations must be auto, traces or heatmap, got '" + observations + "'");
        }
        if (width < 400 || width > org.neurogym.plot.figure.Figure.MAX_WIDTH) {
            throw new IllegalArgumentException("--width must be 400 to " + org.neurogym.plot.figure.Figure.MAX_WIDTH + " pixels, got " + width);
        }
        OutputFile target = OutputFile.check("--out", out);
        org.neurogym.plot.figure.Figure.format(out);
        int trials = !length.given() ? 2 : length.trials == null ? 0 : drawable("--trials", length.trials);
        int steps = length.steps == null ? 0 : drawable("--steps", length.steps);
        long s = seed.value();
        Experiment made = envOptions.make(main.host(), id);
        Recording rec;
        try (Env env = made.env()) {
            if (TrialFrames.isPixelTask(env)) return plotFrames(made, env, trials, s);
            var a = agent.make(env, s);
            rec = trials > 0 ? Recorder.trials(env, a, s, trials) : Recorder.steps(env, a, s, steps);
        }
        TrialsFigure figure = TrialsFigure.of(rec).width(width);
        if (title != null) figure.title(title);
        if (!observations.equals("auto")) figure.heatMap(observations.equals("heatmap"));
        figure.writePng(out);
        target.reportReplaced(spec.commandLine().getErr());
        PrintWriter w = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", made.task().id());
            m.put("agent", agent.spec);
            m.put("seed", s);
            m.put("steps", rec.steps());
            m.put("trials", rec.completedTrials());
            m.put("meanPerformance", rec.meanPerformance());
            m.put("out", out.toString());
            w.println(Json.write(m));
        } else {
            w.println("wrote " + out + " (" + made.task().id() + ", " + rec.completedTrials() + " trials, " + rec.steps()
                    + " steps, agent " + agent.spec + ", seed " + s + ", mean performance " + Output.fixed(rec.meanPerformance(), 2) + ")");
        }
        return Main.OK;
    }

    /** A pixel task: a strip of frames per trial (its observations are images, not channel traces). */
    private Integer plotFrames(Experiment made, Env env, int trials, long s) {
        if (trials == 0) throw new IllegalArgumentException(made.task().id() + " observes images: give --trials, not --steps");
        TrialFrames frames = TrialFrames.record(env, s, trials);
        FrameImages.writeStrip(frames, Math.max(4, Math.min(12, (width - 150) / 106)), 1, out);
        PrintWriter w = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", made.task().id());
            m.put("seed", s);
            m.put("steps", frames.count());
            m.put("trials", trials);
            m.put("out", out.toString());
            w.println(Json.write(m));
        } else {
            w.println("wrote " + out + " (" + made.task().id() + ", " + trials + " trials as strips of frames, " + frames.count()
                    + " steps, seed " + s + ")");
        }
        return Main.OK;
    }

    /** A figure holds a bounded number of steps: more than an int is a usage error, not an overflow. */
    private static int drawable(String option, long n) {
        if (n > 1_000_000) throw new IllegalArgumentException(option + " must be at most 1000000 for a figure, got " + n);
        return (int) n;
    }
}
