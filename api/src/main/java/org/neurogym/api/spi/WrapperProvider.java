package org.neurogym.api.spi;

import java.util.List;

/**
 * The service a wrapper plugin provides: list it in
 * {@code META-INF/services/org.neurogym.api.spi.WrapperProvider}. Needs a public no-arg constructor.
 */
public interface WrapperProvider {
    List<WrapperDescriptor> wrappers();
}
