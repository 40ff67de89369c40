package org.neurogym.core.registry;

import org.neurogym.api.spi.WrapperDescriptor;

/** A registered wrapper and the plugin it came from. */
public record WrapperEntry(WrapperDescriptor descriptor, String plugin) {
    public String id() {
        return descriptor.id();
    }
}
