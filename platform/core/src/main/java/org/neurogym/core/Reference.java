package org.neurogym.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.neurogym.api.Env;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.core.json.Json;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.core.registry.WrapperEntry;

/**
 * The task and wrapper reference pages (docs/tasks.md, docs/wrappers.md), generated from the
 * loaded descriptors so that they cannot drift from the code.
 */
public final class Reference {
    private Reference() {}

    public static String tasks(List<TaskEntry> tasks, EnvMaker maker) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Task reference\n\n");
        sb.append("Generated from the task descriptors by `neurogym docs tasks --out docs/tasks.md`; do not edit by hand.\n");
        sb.append("`neurogym info ID` shows the same for one task, plus trial-length statistics.\n\n");
        Map<String, List<TaskEntry>> byFamily = new TreeMap<>(tasks.stream().collect(Collectors.groupingBy(t -> t.descriptor().family())));
        sb.append("| family | tasks |\n| --- | --- |\n");
        byFamily.forEach((family, list) -> sb.append("| ").append(family).append(" | ")
                .append(list.stream().map(t -> "[" + t.id() + "](#" + anchor(t.id()) + ")").collect(Collectors.joining(", ")))
                .append(" |\n"));
        for (var e : byFamily.entrySet()) {
            sb.append("\n# ").append(e.getKey()).append("\n");
            for (TaskEntry t : e.getValue()) task(sb, t, maker);
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void task(StringBuilder sb, TaskEntry t, EnvMaker maker) {
        Map<String, Object> info;
        try (Env env = t.descriptor().create(Map.of(), maker)) {
            info = TaskInfo.describe(t, env, 0, 0);
        }
        sb.append("\n## ").append(t.id()).append("\n\n");
        sb.append(info.get("description")).append("\n\n");
        sb.append("| | |\n| --- | --- |\n");
        row(sb, "plugin", t.plugin());
        row(sb, "tags", String.join(", ", (List<String>) info.get("tags")));
        paper(sb, (Map<String, Object>) info.get("paper"));
        row(sb, "dt", number(info.get("dt")) + " ms");
        if (info.containsKey("periods")) row(sb, "periods (a trial)", String.join(", ", (List<String>) info.get("periods")));
        if (info.containsKey("timing")) row(sb, "timing (ms)", join((Map<String, Object>) info.get("timing")));
        if (info.containsKey("rewards")) row(sb, "rewards", join((Map<String, Object>) info.get("rewards")));
        row(sb, "observation", space((Map<String, Object>) info.get("observationSpace")));
        row(sb, "actions", space((Map<String, Object>) info.get("actionSpace")));
        if (info.containsKey("supervised")) row(sb, "supervised target", (Boolean) info.get("supervised") ? "yes" : "no");
        parameters(sb, (List<Map<String, Object>>) info.get("parameters"));
    }

    @SuppressWarnings("unchecked")
    public static String wrappers(List<WrapperEntry> wrappers) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Wrapper reference\n\n");
        sb.append("Generated from the wrapper descriptors by `neurogym docs wrappers --out docs/wrappers.md`; do not edit by hand.\n");
        for (WrapperEntry w : wrappers) {
            Map<String, Object> info = TaskInfo.describe(w);
            sb.append("\n## ").append(w.id()).append("\n\n");
            sb.append(info.get("description")).append("\n\n");
            sb.append("| | |\n| --- | --- |\n");
            row(sb, "plugin", w.plugin());
            if (!w.descriptor().family().isEmpty()) row(sb, "family", w.descriptor().family());
            paper(sb, (Map<String, Object>) info.get("paper"));
            row(sb, "accepts", String.valueOf(info.get("accepts")));
            parameters(sb, (List<Map<String, Object>>) info.get("parameters"));
        }
        return sb.toString();
    }

    private static void paper(StringBuilder sb, Map<String, Object> paper) {
        if (String.valueOf(paper.get("name")).isEmpty()) return;
        String link = String.valueOf(paper.get("link"));
        row(sb, "paper", link.isEmpty() ? String.valueOf(paper.get("name")) : "[" + paper.get("name") + "](" + link + ")");
    }

    private static void parameters(StringBuilder sb, List<Map<String, Object>> params) {
        if (params.isEmpty()) return;
        sb.append("\n| parameter | type | default | allowed | meaning |\n| --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> p : params) {
            String def = Boolean.TRUE.equals(p.get("required")) ? "required" : p.get("default") == null ? "unset" : "`" + Json.line(p.get("default")) + "`";
            sb.append("| `").append(p.get("name")).append("` | ").append(p.get("type")).append(" | ").append(cell(def))
                    .append(" | ").append(cell(String.valueOf(p.get("allowed"))))
                    .append(" | ").append(cell(String.valueOf(p.get("description")))).append(" |\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static String space(Map<String, Object> s) {
        String head = s.get("type").equals("Discrete") ? "Discrete(" + s.get("n") + ")"
                : "Box" + Json.line(s.get("shape")) + (s.get("low") instanceof Double lo && s.get("high") instanceof Double hi
                        ? " in [" + number(lo) + ", " + number(hi) + "]" : "");
        Map<String, Object> names = (Map<String, Object>) s.get("names");
        if (names.isEmpty()) return head;
        return head + ": " + names.entrySet().stream().map(e -> e.getKey() + " " + indices((int[]) e.getValue())).collect(Collectors.joining(", "));
    }

    /** [0], [1..32] or [1, 3, 5]: runs of consecutive indices shortened. */
    private static String indices(int[] idx) {
        boolean consecutive = idx.length > 2;
        for (int i = 1; i < idx.length && consecutive; i++) consecutive = idx[i] == idx[i - 1] + 1;
        if (consecutive) return "[" + idx[0] + ".." + idx[idx.length - 1] + "]";
        return java.util.Arrays.toString(idx);
    }

    private static String join(Map<String, Object> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String number(Object v) {
        if (v instanceof Double d) {
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d)) return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
