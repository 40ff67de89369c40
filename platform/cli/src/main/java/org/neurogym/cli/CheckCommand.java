package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.json.Json;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.testkit.CheckResult;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.TaskContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the task contract: random agent, seed determinism, oracle, trial lengths, channel names.",
                "Exits 1 when any check fails."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Task ids to check.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Check every loaded task.")
    boolean all;

    @Option(names = "--tag", paramLabel = "TAG", description = "Check every loaded task with this tag (e.g. modcog, visual).")
    String tag;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        if ((all ? 1 : 0) + (tag != null ? 1 : 0) + (ids.isEmpty() ? 0 : 1) != 1) {
            throw new IllegalArgumentException("name task ids, or give --all or --tag TAG (one of them)");
        }
        List<TaskEntry> tasks = new ArrayList<>();
        if (all) tasks.addAll(main.host().tasks());
        else if (tag != null) tasks.addAll(ListCommand.tagged(main, tag));
        else for (String id : ids) tasks.add(main.host().registry().task(id));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CheckResult> results = new ArrayList<>();
        int w = tasks.stream().mapToInt(t -> t.id().length()).max().orElse(4);
        String fmt = "%-" + w + "s  %-16s  %-6s  %s%n";
        if (!json) out.printf(fmt, "TASK", "CHECK", "STATUS", "DETAIL");
        int done = 0;
        for (TaskEntry t : tasks) {
            List<CheckResult> r = TaskContract.run(t.descriptor(), ContractOptions.defaults().withMaker(main.host()));
            results.addAll(r);
            done++;
            if (json) {
                if (System.console() != null) err.printf("\rchecked %d/%d %s", done, tasks.size(), t.id());
            } else {
                for (CheckResult c : r) out.printf(fmt, c.task(), c.check(), c.status(), c.detail());
                out.flush();
            }
        }
        long failed = results.stream().filter(CheckResult::failed).count();
        long skipped = results.stream().filter(c -> c.status() == CheckResult.Status.SKIP).count();
        if (json) {
            if (System.console() != null) err.println();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CheckResult c : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("task", c.task());
                m.put("check", c.check());
                m.put("status", c.status().name());
                m.put("detail", c.detail());
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("tasks", tasks.size());
            doc.put("passed", results.size() - failed - skipped);
            doc.put("failed", failed);
            doc.put("skipped", skipped);
            doc.put("results", rows);
            out.println(Json.write(doc));
        } else {
            out.printf("%d tasks: %d checks passed, %d failed, %d skipped%n", tasks.size(), results.size() - failed - skipped, failed, skipped);
        }
        return failed == 0 ? Main.OK : Main.FAILURE;
    }
}
