package org.neurogym.tasks.motor;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The motor family's tasks. */
public final class MotorTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(
                AntiReach.DESCRIPTOR,
                Reaching1D.DESCRIPTOR,
                Reaching1DWithSelfDistraction.DESCRIPTOR,
                ReachingDelayResponse.DESCRIPTOR);
    }
}
