package org.neurogym.api.spi;

import org.neurogym.api.Env;
import org.neurogym.api.param.Params;

/** Wraps an env with validated parameters; {@code maker} makes further tasks by id when a wrapper needs them. */
@FunctionalInterface
public interface WrapperFactory {
    Env wrap(Env env, Params params, EnvMaker maker);
}
