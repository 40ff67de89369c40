package org.neurogym.tasks.collections.yang19;

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
            .params(ScheduledSet.params("twenty"))
            // The contract's trial-length check samples the unwrapped task, the first of the set (go).
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    t -> t.timing().values().stream().mapToDouble(x -> x.meanSteps(t.dt())).sum()))
            .factory(p -> ScheduledSet.build(p));
}
