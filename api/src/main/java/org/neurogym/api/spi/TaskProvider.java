package org.neurogym.api.spi;

import java.util.List;

/**
 * The service a task plugin provides: list it in
 * {@code META-INF/services/org.neurogym.api.spi.TaskProvider}. Needs a public no-arg constructor
 * and must not do heavy work in it: the host instantiates providers to list their tasks.
 */
public interface TaskProvider {
    List<TaskDescriptor> tasks();
}
