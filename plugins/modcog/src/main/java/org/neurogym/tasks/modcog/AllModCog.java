package org.neurogym.tasks.modcog;

import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.tasks.collections.yang19.ScheduledSet;

/**
 * {@code modcog.all-v0}: the 82 tasks as one env, as Mod-Cog's README builds it: the wrappers
 * plugin's ScheduleEnvs with a random schedule and rule inputs (channel {@code env}, 82 elements in
 * the order of {@link ModCog#tasks()}).
 */
public final class AllModCog {
    private AllModCog() {}

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("modcog.all-v0")
            .family(ModCog.FAMILY)
            .tags("modcog", "multitask", "perceptual", "working memory", "supervised")
            .description("The 82 Mod-Cog tasks scheduled as one env (the wrappers plugin's ScheduleEnvs): each trial comes "
                    + "from one task chosen by the schedule, and with env_input the observation gains 82 rule inputs "
                    + "(channel 'env', in the order of Mod-Cog's README: the twenty yang19 tasks, the 22 int tasks, the 20 "
                    + "seqr and the 20 seql tasks), 1 for the current task. Observation 33 + 82, action 17.")
            .paper(ModCog.PAPER_NAME, ModCog.PAPER_LINK)
            .params(ScheduledSet.params("82 Mod-Cog"))
            // The contract's trial-length check samples the unwrapped task, the first of the set (go).
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    t -> t.timing().values().stream().mapToDouble(x -> x.meanSteps(t.dt())).sum()))
            .factory(p -> ScheduledSet.build(ModCog.tasks(), p));
}
