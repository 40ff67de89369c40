package org.neurogym.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        String text = switch (what) {
            case "tasks" -> Reference.tasks(main.host().tasks(), main.host());
            case "wrappers" -> Reference.wrappers(main.host().wrappers());
            default -> throw new IllegalArgumentException("docs takes 'tasks' or 'wrappers', got '" + what + "'");
        };
        if (out == null) {
            spec.commandLine().getOut().print(text);
        } else {
            try {
                if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            spec.commandLine().getErr().println("wrote " + out);
        }
        return Main.OK;
    }
}
