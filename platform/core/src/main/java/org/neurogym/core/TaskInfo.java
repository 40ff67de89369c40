package org.neurogym.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.TrialBased;
import org.neurogym.api.Env;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialLengthStats;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.core.registry.WrapperEntry;

/**
 * Everything there is to say about a task, as plain values: what {@code neurogym info} prints and
 * the task reference in the docs is generated from.
 */
public final class TaskInfo {
    private TaskInfo() {}

    /**
     * Describes {@code entry} made with {@code params}; {@code statsTrials} trials (seeded with
     * {@code seed}) give the trial-length statistics (0 skips them).
     */
    public static Map<String, Object> describe(TaskEntry entry, Env env, int statsTrials, long seed) {
        TaskDescriptor d = entry.descriptor();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("plugin", entry.plugin());
        out.put("family", d.family());
        out.put("tags", d.tags());
        out.put("description", d.description());
        out.put("paper", paper(d.paperName(), d.paperLink()));
        out.put("dt", env.dt());
        TrialEnv task = env.unwrapped() instanceof TrialEnv t ? t : null;
        if (task != null) {
            Map<String, Object> timing = new LinkedHashMap<>();
            task.timing().forEach((k, v) -> timing.put(k, v.toString()));
            out.put("timing", timing);
            out.put("rewards", new LinkedHashMap<>(task.rewards()));
        }
        out.put("parameters", parameters(d.parameters()));
        out.put("observationSpace", space(env.observationSpace()));
        out.put("actionSpace", space(env.actionSpace()));
        var trials = TrialBased.nearest(env);
        if (trials != null) {
            env.reset(seed);
            out.put("supervised", trials.hasGroundTruth());
            out.put("periods", trials.task().periods());
        }
        if (task != null && statsTrials > 0) {
            TrialLengthStats s = task.trialLengthStats(statsTrials, seed);
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("trials", s.trials());
            stats.put("mean", s.mean());
            stats.put("std", s.std());
            stats.put("p95", s.p95());
            stats.put("max", s.max());
            out.put("trialLengthStats", stats);
        }
        return out;
    }

    /** A wrapper as plain values: id, plugin, family, description, paper, the envs it accepts, parameters. */
    public static Map<String, Object> describe(WrapperEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.id());
        out.put("plugin", entry.plugin());
        out.put("family", entry.descriptor().family());
        out.put("description", entry.descriptor().description());
        out.put("paper", paper(entry.descriptor().paperName(), entry.descriptor().paperLink()));
        out.put("accepts", entry.descriptor().accepts().description());
        out.put("parameters", parameters(entry.descriptor().parameters()));
        return out;
    }

    /** {@code {name, link}} in that order on every run (Map.of's order changes from JVM to JVM). */
    private static Map<String, Object> paper(String name, String link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("link", link);
        return m;
    }

    /**
     * A space as plain values: type, size, bounds, channel names. The channels of a many-dimensional
     * Box (an image's colours) are named by their index along the last axis ({@code namesAxis}), not
     * by every flat index they cover.
     */
    public static Map<String, Object> space(Space space) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> names = new LinkedHashMap<>();
        int[] shape = space instanceof Box box ? box.shape() : new int[] {1};
        int last = shape[shape.length - 1];
        space.channels().forEach((k, v) -> names.put(k, shape.length > 1 ? java.util.Arrays.stream(v).map(i -> i % last).distinct().sorted().toArray()
                : v.clone()));
        if (space instanceof Discrete d) {
            m.put("type", "Discrete");
            m.put("n", d.n());
        } else {
            Box b = (Box) space;
            m.put("type", "Box");
            m.put("shape", b.shape());
            m.put("low", bounds(b.low()));
            m.put("high", bounds(b.high()));
            m.put("dtype", b.dtype().numpyName());
        }
        m.put("names", names);
        if (shape.length > 1) m.put("namesAxis", shape.length - 1);
        return m;
    }

    static List<Map<String, Object>> parameters(List<ParamSpec> specs) {
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParamSpec p : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("type", p.type().label());
            m.put("default", p.defaultValue() == null ? null : ParamType.plain(p.defaultValue()));
            m.put("required", p.isRequired());
            m.put("allowed", p.allowed().describe());
            m.put("description", p.description());
            params.add(m);
        }
        return params;
    }

    /** One number when every element has the same bound, else the list. */
    private static Object bounds(float[] values) {
        boolean same = true;
        for (float v : values) same &= v == values[0];
        return same ? (Object) (double) values[0] : values;
    }
}
