package org.neurogym.api.spi;

import org.neurogym.api.Env;
import org.neurogym.api.param.Params;

/** Makes a task's env from validated parameters; usually a constructor reference. */
@FunctionalInterface
public interface EnvFactory {
    Env create(Params params);
}
