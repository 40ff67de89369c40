package org.neurogym.tasks.collections.yang19;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.wrapper.Schedule;
import org.neurogym.wrappers.ScheduleEnvs;

/**
 * Builds the twenty tasks as one env: the wrappers plugin's ScheduleEnvs picks the task of each
 * trial and, with {@code env_input}, appends the rule inputs (channel {@code env}, one element per
 * task in the order of {@link Yang19#ids()}, 1 for the current task). The only class of this plugin
 * that touches the wrappers plugin, so the twenty tasks themselves load without it.
 */
final class ScheduledSet {
    private ScheduledSet() {}

    static Env build(Params p) {
        List<TaskDescriptor> tasks = Yang19.tasks();
        List<Env> envs = new ArrayList<>(tasks.size());
        try {
            for (TaskDescriptor d : tasks) envs.add(d.create(paramsFor(d, p)));
            int[] blockLens = p.isSet("block_lens") ? p.getInts("block_lens") : null;
            Schedule schedule;
            try {
                schedule = Schedule.of(p.getString("schedule"), tasks.size(), blockLens);
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().startsWith("block") ? "block_lens" : "schedule";
                throw new ParameterException(key, p.owner() + ": " + e.getMessage());
            }
            return new ScheduleEnvs(envs.get(0), envs.subList(1, envs.size()), schedule, p.getBoolean("env_input"));
        } catch (RuntimeException e) {
            for (Env env : envs) env.close();
            throw e;
        }
    }

    /** The shared parameters each task takes (sigma only where the task has input noise). */
    private static Map<String, Object> paramsFor(TaskDescriptor d, Params p) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : new String[] {"dt", "dim_ring", "rewards", "sigma"}) {
            if (d.parameters().stream().anyMatch(s -> s.name().equals(key))) out.put(key, p.get(key));
        }
        return out;
    }
}
