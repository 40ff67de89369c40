package org.neurogym.example;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** What this plugin provides; named in META-INF/services/org.neurogym.api.spi.TaskProvider. */
public final class ExampleTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(GoTask.DESCRIPTOR);
    }
}
