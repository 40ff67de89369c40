package org.neurogym.api.spi;

import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;

/**
 * Makes tasks and wraps envs by id, for a wrapper that combines several tasks (e.g. a schedule of
 * envs) or a task composed of other tasks and wrappers, so that neither needs to know the host.
 * The host is one; it passes itself to every wrapper factory and composed task.
 */
@FunctionalInterface
public interface EnvMaker {
    Env make(String id, Map<String, ?> params);

    /** Wraps {@code env} with wrapper {@code wrapperId} and its parameters. A maker that only makes tasks refuses. */
    default Env wrap(Env env, String wrapperId, Map<String, ?> params) {
        throw new NeuroGymException("no host to wrap " + env.name() + " with '" + wrapperId + "': make it through a host");
    }

    /** A maker that refuses, for making outside a host. */
    EnvMaker NONE = (id, params) -> {
        throw new NeuroGymException("no host to make task '" + id + "' from: make this env through a host");
    };
}
