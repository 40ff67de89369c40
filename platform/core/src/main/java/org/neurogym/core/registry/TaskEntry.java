package org.neurogym.core.registry;

import org.neurogym.api.spi.TaskDescriptor;

/** A registered task and the plugin it came from. */
public record TaskEntry(TaskDescriptor descriptor, String plugin) {
    public String id() {
        return descriptor.id();
    }
}
