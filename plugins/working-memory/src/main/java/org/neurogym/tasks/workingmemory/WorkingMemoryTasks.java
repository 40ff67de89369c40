package org.neurogym.tasks.workingmemory;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The working-memory family's tasks. */
public final class WorkingMemoryTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(
                DelayComparison.DESCRIPTOR,
                DelayMatchCategory.DESCRIPTOR,
                DelayMatchSample.DESCRIPTOR,
                DelayMatchSampleDistractor1D.DESCRIPTOR,
                DelayPairedAssociation.DESCRIPTOR,
                DualDelayMatchSample.DESCRIPTOR,
                GoNogo.DESCRIPTOR);
    }
}
