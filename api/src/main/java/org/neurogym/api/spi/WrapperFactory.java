package org.neurogym.api.spi;

import org.neurogym.api.Env;
import org.neurogym.api.param.Params;

/** Wraps an env with validated parameters; usually a constructor reference. */
@FunctionalInterface
public interface WrapperFactory {
    Env wrap(Env env, Params params);
}
