package org.neurogym.tasks.timing;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The timing family's tasks. */
public final class TimingTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(
                ReadySetGo.DESCRIPTOR,
                MotorTiming.DESCRIPTOR,
                OneTwoThreeGo.DESCRIPTOR,
                IntervalDiscrimination.DESCRIPTOR);
    }
}
