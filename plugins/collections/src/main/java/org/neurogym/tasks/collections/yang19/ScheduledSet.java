package org.neurogym.tasks.collections.yang19;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.wrappers.Schedule;
import org.neurogym.wrappers.ScheduleEnvs;

/**
 * Builds a set of ring tasks as one env: the wrappers plugin's ScheduleEnvs picks the task of each
 * trial and, with {@code env_input}, appends the rule inputs (channel {@code env}, one element per
 * task in the set's order, 1 for the current task). {@code yang19.all-v0} and the Mod-Cog set
 * ({@code modcog.all-v0}) are both made here. The only class of this plugin that touches the
 * wrappers plugin, so the twenty tasks themselves load without it.
 */
public final class ScheduledSet {
    private ScheduledSet() {}

    /** The parameters of a scheduled set; {@code count} says how many tasks, in words or digits ("twenty"). */
    public static ParamSpec[] params(String count) {
        return new ParamSpec[] {ParamSpec.dt(100),
                ParamSpec.integer("dim_ring", 16, "Number of directions on the ring, for every task (even).").min(2),
                ParamSpec.rewards(),
                ParamSpec.number("sigma", 1.0, "Input noise of the tasks that have it (decision making, matching).").min(0),
                ParamSpec.string("schedule", "Random", "How the task of each trial is chosen: Random (never the same "
                        + "task twice in a row), Sequential, RandomBlock or SequentialBlock."),
                ParamSpec.optional("block_lens", ParamType.INTEGER_LIST, "Trials per block of each task (block schedules only)."),
                ParamSpec.bool("env_input", true, "Append the rule inputs (one-hot over the " + count + " tasks).")};
    }

    /** The Yang et al. (2019) set. */
    static Env build(Params p) {
        return build(Yang19.tasks(), p);
    }

    /**
     * Makes every task of {@code tasks} with the shared parameters of {@code p} (see
     * {@link #params}) and schedules them; the first task is the wrapped env.
     */
    public static Env build(List<TaskDescriptor> tasks, Params p) {
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
