package org.neurogym.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurogym.core.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the task or wrapper reference (markdown) generated from the loaded plugins.")
final class DocsCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "tasks or wrappers")
    String what;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        OutputFile target = out == null ? null : OutputFile.check("--out", out);
        String text = switch (what) {
            case "tasks" -> Reference.tasks(main.host().tasks(), main.host());
            case "wrappers" -> Reference.wrappers(main.host().wrappers());
            default -> throw new IllegalArgumentException("docs takes 'tasks' or 'wrappers', got '" + what + "'");
        };
        if (out == null) {
            spec.commandLine().getOut().print(text);
        } else {
            target.writeString(text);
            target.reportReplaced(spec.commandLine().getErr());
            spec.commandLine().getErr().println("wrote " + out);
        }
        return Main.OK;
    }
}
