package org.neurogym.wrappers;

import org.neurogym.api.Env;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.Wrapper;

/** Finding the task behind a wrapper stack. */
final class Tasks {
    private Tasks() {}

    /**
     * The task that builds the current trial under {@code env}: the unwrapped task, except under an
     * env schedule, where it is the task of the env currently scheduled. Null when there is none.
     */
    static TrialEnv current(Env env) {
        Env e = env;
        while (true) {
            if (e instanceof EnvSwitcher s) e = s.source();
            else if (e instanceof TrialEnv t) return t;
            else if (e instanceof Wrapper w) e = w.inner();
            else return null;
        }
    }
}
