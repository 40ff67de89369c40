package org.neurogym.benchmarks;

import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.core.NeuroGym;

/** The tasks every benchmark measures (the five), made through the host like any user would. */
final class Tasks {
    private Tasks() {}

    static Env make(String id) {
        return NeuroGym.make(id, Map.of());
    }
}
