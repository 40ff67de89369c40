package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.TaskInfo;
import org.neurogym.core.json.Json;
import org.neurogym.core.registry.WrapperEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "wrappers", mixinStandardHelpOptions = true, description = "List every loaded wrapper with its parameters.")
final class WrappersCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        List<WrapperEntry> wrappers = main.host().wrappers();
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WrapperEntry w : wrappers) rows.add(TaskInfo.describe(w));
        if (json) {
            out.println(Json.write(rows));
        } else {
            for (Map<String, Object> w : rows) {
                InfoCommand.printWrapper(out, w);
                out.println();
            }
            out.printf("%d wrapper%s%n", wrappers.size(), wrappers.size() == 1 ? "" : "s");
        }
        return Main.OK;
    }
}
