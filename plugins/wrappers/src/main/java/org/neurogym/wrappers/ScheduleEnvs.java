package org.neurogym.wrappers;

import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.wrapper.Schedule;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Runs trials from several envs, one env per trial chosen by a schedule: the wrapped env is env
 * 0, the tasks named in {@code envs} follow (made by the host). With {@code env_input} the
 * observation names the current env in a one-hot channel {@code env}. The schedule restarts at
 * every reset and is seeded from the episode seed.
 */
public final class ScheduleEnvs extends EnvSwitcher {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("ScheduleEnvs").family("schedule")
            .description("Runs trials from several envs, one env per trial chosen by a schedule (" + String.join(", ", Schedule.NAMES)
                    + "): the wrapped env first, then the tasks named in envs. env_input adds a one-hot channel 'env' naming the current env.")
            .params(ENVS, ParamSpec.required("schedule", ParamType.STRING, "Schedule name: " + String.join(", ", Schedule.NAMES) + "."),
                    ParamSpec.optional("block_lens", ParamType.INTEGER_LIST, "Trials per block of each env (block schedules only)."), ENV_INPUT)
            .accepts(Accepts.TRIAL_BASED)
            .contractParams((id, env) -> Map.of("envs", List.of(id), "schedule", "Random", "env_input", !hasEnvChannel(env)))
            .factory(ScheduleEnvs::create);

    private final Schedule schedule;

    public ScheduleEnvs(Env env, List<? extends Env> others, Schedule schedule, boolean envInput) {
        super("ScheduleEnvs", env, sized(others, schedule), envInput);
        this.schedule = schedule;
    }

    private static List<? extends Env> sized(List<? extends Env> others, Schedule schedule) {
        if (schedule.size() != 1 + others.size()) {
            throw new IllegalArgumentException("ScheduleEnvs: the schedule has " + schedule.size() + " conditions but there are "
                    + (1 + others.size()) + " envs");
        }
        return others;
    }

    private static ScheduleEnvs create(Env env, Params params, EnvMaker maker) {
        List<Env> others = makeEnvs("ScheduleEnvs", params.get("envs"), maker);
        return new ScheduleEnvs(env, others, Schedule.fromParams(params, 1 + others.size()), params.getBoolean("env_input"));
    }

    /** The schedule (for inspection). */
    public Schedule schedule() {
        return schedule;
    }

    @Override
    protected int chooseFirst() {
        schedule.restart(rng());
        return schedule.next();
    }

    @Override
    protected int chooseNext() {
        return schedule.next();
    }
}
