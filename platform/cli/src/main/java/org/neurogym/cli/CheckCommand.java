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
import org.neurogym.testkit.WrapperContract;
import org.neurogym.api.spi.WrapperDescriptor;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the task contract: random agent, seed determinism, oracle, trial lengths, channel names.",
                "With --wrapper, run that wrapper's contract over the tasks named (or every loaded task): refusal of the tasks it",
                "does not accept; spaces, random agent, seed determinism and trial matrices of those it does.",
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

    @Option(names = "--wrapper", paramLabel = "ID", description = "Run the wrapper contract of wrapper ID (repeatable) over the tasks.")
    List<String> wrappers = new ArrayList<>();

    /** What one line of the run checks: a task, or a wrapper over a task. */
    private record Unit(String name, Supplier<List<CheckResult>> checks) {}

    @Override
    public Integer call() {
        int given = (all ? 1 : 0) + (tag != null ? 1 : 0) + (ids.isEmpty() ? 0 : 1);
        if (given > 1 || given == 0 && wrappers.isEmpty()) {
            throw new IllegalArgumentException("name task ids, or give --all or --tag TAG (one of them)");
        }
        List<TaskEntry> tasks = new ArrayList<>();
        if (tag != null) tasks.addAll(ListCommand.tagged(main, tag));
        else if (!ids.isEmpty()) for (String id : ids) tasks.add(main.host().registry().task(id));
        else tasks.addAll(main.host().tasks());
        List<Unit> units = new ArrayList<>();
        if (wrappers.isEmpty()) {
            for (TaskEntry t : tasks) units.add(new Unit(t.id(), () -> TaskContract.run(t.descriptor(), ContractOptions.defaults().withMaker(main.host()))));
        } else {
            ContractOptions options = ContractOptions.defaults().withRandomSteps(2_000);
            for (String id : wrappers) {
                WrapperDescriptor w = main.host().registry().wrapper(id).descriptor();
                for (TaskEntry t : tasks) {
                    units.add(new Unit(id + "(" + t.id() + ")", () -> WrapperContract.run(w, t.descriptor(), main.host(), options)));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CheckResult> results = new ArrayList<>();
        int w = units.stream().mapToInt(u -> u.name().length()).max().orElse(4);
        String fmt = "%-" + w + "s  %-16s  %-6s  %s%n";
        if (!json) out.printf(fmt, "TASK", "CHECK", "STATUS", "DETAIL");
        int done = 0;
        for (Unit u : units) {
            List<CheckResult> r = u.checks().get();
            results.addAll(r);
            done++;
            if (json) {
                if (System.console() != null) err.printf("\rchecked %d/%d %s", done, units.size(), u.name());
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
            if (!wrappers.isEmpty()) doc.put("wrappers", wrappers);
            doc.put("passed", results.size() - failed - skipped);
            doc.put("failed", failed);
            doc.put("skipped", skipped);
            doc.put("results", rows);
            out.println(Json.write(doc));
        } else {
            out.printf("%s%d tasks: %d checks passed, %d failed, %d skipped%n", wrappers.isEmpty() ? "" : String.join(", ", wrappers) + " over ", tasks.size(), results.size() - failed - skipped, failed, skipped);
        }
        return failed == 0 ? Main.OK : Main.FAILURE;
    }
}
