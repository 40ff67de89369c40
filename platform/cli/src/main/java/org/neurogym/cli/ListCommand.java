package org.neurogym.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.json.Json;
import org.neurogym.core.registry.TaskEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the tasks of every loaded plugin.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only tasks with this tag (e.g. perceptual, working memory).")
    String tag;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    /** The tasks carrying {@code tag} (all tasks when null); an unknown tag is an error listing the known ones. */
    static List<TaskEntry> tagged(Main main, String tag) {
        var registry = main.host().registry();
        if (tag != null && !registry.tags().contains(tag)) {
            throw new IllegalArgumentException("unknown tag '" + tag + "'"
                    + org.neurogym.api.param.Suggestions.didYouMean(tag, registry.tags())
                    + " (tags: " + String.join(", ", registry.tags()) + ")" + main.classpathRuntimeNote());
        }
        return tag == null ? registry.tasks() : registry.tasks(tag);
    }

    @Override
    public Integer call() {
        List<TaskEntry> tasks = tagged(main, tag);
        var out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TaskEntry t : tasks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("family", t.descriptor().family());
                m.put("plugin", t.plugin());
                m.put("tags", t.descriptor().tags());
                rows.add(m);
            }
            out.println(Json.write(rows));
            return Main.OK;
        }
        int w = Math.max(4, tasks.stream().mapToInt(t -> t.id().length()).max().orElse(4));
        int f = Math.max(6, tasks.stream().mapToInt(t -> t.descriptor().family().length()).max().orElse(6));
        int p = Math.max(6, tasks.stream().mapToInt(t -> t.plugin().length()).max().orElse(6));
        String fmt = "%-" + w + "s  %-" + f + "s  %-" + p + "s  %s%n";
        out.printf(fmt, "TASK", "FAMILY", "PLUGIN", "TAGS");
        for (TaskEntry t : tasks) out.printf(fmt, t.id(), t.descriptor().family(), t.plugin(), String.join(", ", t.descriptor().tags()));
        out.printf("%d task%s%n", tasks.size(), tasks.size() == 1 ? "" : "s");
        return Main.OK;
    }
}
