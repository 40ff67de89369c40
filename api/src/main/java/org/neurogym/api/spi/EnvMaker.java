package org.neurogym.api.spi;

import java.util.Map;
import org.neurogym.api.Env;

/**
 * Makes a task by id for a wrapper that combines several tasks (e.g. a schedule of envs), so that
 * the wrapper needs no knowledge of the host. The host passes one to every wrapper factory.
 */
@FunctionalInterface
public interface EnvMaker {
    Env make(String id, Map<String, ?> params);

    /** A maker that refuses, for wrapping outside a host. */
    EnvMaker NONE = (id, params) -> {
        throw new org.neurogym.api.NeuroGymException("no host to make task '" + id + "' from: create this wrapper through a host");
    };
}
