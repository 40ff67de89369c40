package org.neurogym.tasks.valuebased;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The value-based family's tasks (and the empty Null task). */
public final class ValueBasedTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(
                EconomicDecisionMaking.DESCRIPTOR,
                Bandit.DESCRIPTOR,
                DawTwoStep.DESCRIPTOR,
                Null.DESCRIPTOR);
    }
}
