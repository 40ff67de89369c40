package org.neurogym.tasks.collections.yang19;

import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * {@code yang19.all-v0}: the whole Yang et al. (2019) set as one env, the way the multitask papers
 * train a single network: one task per trial chosen by a schedule, rule inputs naming the task.
 */
public final class AllTasks {
    private AllTasks() {}

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("yang19.all-v0")
            .family(Yang19.FAMILY)
            .tags("yang19", "multitask", "perceptual", "working memory", "supervised")
            .description("The twenty Yang et al. (2019) tasks scheduled as one env (the wrappers plugin's ScheduleEnvs): "
                    + "each trial comes from one task chosen by the schedule, and with env_input the observation gains "
                    + "twenty rule inputs (channel 'env', in the order go, rtgo, dlygo, anti, rtanti, dlyanti, dm1, dm2, "
                    + "ctxdm1, ctxdm2, multidm, dlydm1, dlydm2, ctxdlydm1, ctxdlydm2, multidlydm, dms, dnms, dmc, dnmc), "
                    + "1 for the current task. Observation 33 + 20, action 17. Needs the wrappers plugin.")
            .paper(Yang19.PAPER_NAME, Yang19.PAPER_LINK)
            .params(ParamSpec.dt(100),
                    ParamSpec.integer("dim_ring", 16, "Number of directions on the ring, for every task (even).").min(2),
                    ParamSpec.rewards(),
                    ParamSpec.number("sigma", 1.0, "Input noise of the tasks that have it (decision making, matching).").min(0),
                    ParamSpec.string("schedule", "Random", "How the task of each trial is chosen: Random (never the same "
                            + "task twice in a row), Sequential, RandomBlock or SequentialBlock."),
                    ParamSpec.optional("block_lens", ParamType.INTEGER_LIST, "Trials per block of each task (block schedules only)."),
                    ParamSpec.bool("env_input", true, "Append the rule inputs (one-hot over the twenty tasks)."))
            // The contract's trial-length check samples the unwrapped task, the first of the set (go).
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    t -> t.timing().values().stream().mapToDouble(x -> x.meanSteps(t.dt())).sum()))
            .factory(p -> ScheduledSet.build(p));
}
