package org.neurogym.tasks.contrib;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The reference's contributed tasks that could be made correct (see docs/deviations/contrib.md for those left out). */
public final class ContribTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(
                AngleReproduction.DESCRIPTOR,
                ChangingEnvironment.DESCRIPTOR,
                IBL.DESCRIPTOR,
                IBL.BLOCK,
                MatchingPenny.DESCRIPTOR,
                MemoryRecall.DESCRIPTOR,
                LeverPress.DESCRIPTOR,
                CVLearning.DESCRIPTOR,
                ContextSwitch.DESCRIPTOR);
    }
}
