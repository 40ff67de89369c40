package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.api.Env;
import org.neurogym.core.Experiment;
import org.neurogym.core.json.Json;
import org.neurogym.plot.frames.FrameImages;
import org.neurogym.plot.frames.TrialFrames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draw the frames of a few trials of a pixel task (uint8 image observations): an animated GIF "
                + "(FILE.gif, one frame per step at the task's dt) or a PNG contact sheet (FILE.png, a row of frames per "
                + "period of each trial, labelled)."})
final class RenderCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "1", description = "Trials to draw (default ${DEFAULT-VALUE}).")
    int trials;

    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.fixed(0);

    @Option(names = "--scale", paramLabel = "K", defaultValue = "3", description = "Magnify each pixel K times (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "8", description = "Frames per period in the contact sheet (default ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The .gif or .png file to write.")
    Path out;

    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    @Override
    public Integer call() {
        if (trials <= 0 || trials > 100) throw new IllegalArgumentException("--trials must be 1 to 100, got " + trials);
        if (scale < 1 || scale > 16) throw new IllegalArgumentException("--scale must be 1 to 16, got " + scale);
        if (columns < 1 || columns > 64) throw new IllegalArgumentException("--columns must be 1 to 64, got " + columns);
        OutputFile target = OutputFile.check("--out", out);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean gif = name.endsWith(".gif");
        if (!gif && !name.endsWith(".png")) throw new IllegalArgumentException("--out must end in .gif (animation) or .png (contact sheet), got " + out);
        Experiment made = envOptions.make(main.host(), id);
        TrialFrames frames;
        try (Env env = made.env()) {
            if (!TrialFrames.isPixelTask(env)) {
                throw new IllegalArgumentException(made.task().id() + " does not observe images (" + env.observationSpace()
                        + "); draw it with neurogym plot");
            }
            frames = TrialFrames.record(env, seed.value(), trials);
        }
        if (gif) FrameImages.writeGif(frames, scale, out);
        else FrameImages.writeSheet(frames, columns, scale, out);
        target.reportReplaced(spec.commandLine().getErr());
        PrintWriter w = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", made.task().id());
            m.put("seed", seed.value());
            m.put("trials", trials);
            m.put("frames", frames.count());
            m.put("width", frames.width());
            m.put("height", frames.height());
            m.put("out", out.toString());
            w.println(Json.write(m));
        } else {
            w.println("wrote " + out + " (" + made.task().id() + ", " + trials + " trial" + (trials == 1 ? "" : "s") + ", "
                    + frames.count() + " frames of " + frames.width() + "x" + frames.height() + (gif ? ", " + frames.dt() + " ms each" : "")
                    + ", seed " + seed.value() + ")");
        }
        return Main.OK;
    }
}
