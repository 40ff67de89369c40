package org.neurogym.api.spi;

import org.neurogym.api.Env;
import org.neurogym.api.param.Params;

/**
 * Makes a task's env from validated parameters: usually a constructor reference, or, for a task
 * composed of other tasks and wrappers, a function of the parameters and the host's
 * {@link EnvMaker} ({@link #composed}).
 */
@FunctionalInterface
public interface EnvFactory {
    Env create(Params params);

    /** Makes the env with the host's maker at hand; a plain task ignores it. */
    default Env create(Params params, EnvMaker maker) {
        return create(params);
    }

    /** What a composed task is made of: other tasks and wrappers, made by id through the host. */
    @FunctionalInterface
    interface Composition {
        Env create(Params params, EnvMaker maker);
    }

    /** A factory for a task composed by {@code composition}; without a host it refuses. */
    static EnvFactory composed(Composition composition) {
        return new EnvFactory() {
            @Override
            public Env create(Params params) {
                return composition.create(params, EnvMaker.NONE);
            }

            @Override
            public Env create(Params params, EnvMaker maker) {
                return composition.create(params, maker);
            }
        };
    }
}
