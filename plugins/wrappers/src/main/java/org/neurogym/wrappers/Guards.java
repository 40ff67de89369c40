package org.neurogym.wrappers;

import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialBased;
import org.neurogym.api.Wrapper;

/**
 * Wrap-time checks shared by the trial wrappers. They run before the trial wrapper's constructor
 * makes it the top of the tasks below, so a refused wrapper leaves the env as it was.
 */
final class Guards {
    private Guards() {}

    /** Refuses a null or non-trial-based env, then runs {@code checks}; returns {@code env}. */
    static Env checked(String wrapper, Env env, Runnable... checks) {
        if (env == null) throw new IllegalArgumentException("cannot wrap a null env");
        if (below(env) == null) {
            throw new NeuroGymException(wrapper + " is a trial wrapper and needs a trial-based task, but " + env.name() + " is not one");
        }
        for (Runnable check : checks) check.run();
        return env;
    }

    /** The nearest trial-based env in {@code env}'s stack, or null. */
    static TrialBased below(Env env) {
        for (Env e = env; e != null; e = e instanceof Wrapper w ? w.inner() : null) {
            if (e instanceof TrialBased tb) return tb;
        }
        return null;
    }
}
