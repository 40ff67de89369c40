package org.neurogym.monitor;

import java.util.List;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperProvider;

/** Provides the {@code Monitor} wrapper. */
public final class MonitorProvider implements WrapperProvider {
    @Override
    public List<WrapperDescriptor> wrappers() {
        return List.of(Monitor.DESCRIPTOR);
    }
}
