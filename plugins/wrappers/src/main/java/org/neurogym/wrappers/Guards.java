package org.neurogym.wrappers;

import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialBased;
import org.neurogym.api.Wrapper;

/**
 * Wrap-time checks shared by the trial wrappers. They run before the trial wrapper's constructor
 * makes it the top of the task, so a refused wrapper leaves the env as it was.
 */
final class Guards {
    private Guards() {}

    /** Runs {@code checks}, then the checks every trial wrapper of this jar needs; returns {@code env}. */
    static Env checked(String wrapper, Env env, Runnable... checks) {
        checkedAnySource(wrapper, env, checks);
        requireOneTrialSource(wrapper, env);
        return env;
    }

    /** As {@link #checked}, for wrappers that cope with trials made without them (they rebuild lazily). */
    static Env checkedAnySource(String wrapper, Env env, Runnable... checks) {
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

    /**
     * Refuses to place a trial wrapper over an env schedule of several envs: only the first env's
     * task asks the outermost wrapper for its trials, so the trials of the others would silently
     * escape the wrapper.
     */
    static void requireOneTrialSource(String wrapper, Env env) {
        for (Env e = env; e != null; e = e instanceof Wrapper w ? w.inner() : null) {
            if (e instanceof EnvSwitcher s && s.envCount() > 1) {
                throw new NeuroGymException(wrapper + " cannot wrap " + s.getClass().getSimpleName() + " over " + s.envCount()
                        + " envs (" + s.unwrapped().name() + " first): the trials of the other envs would not pass through it. "
                        + "Wrap each env with " + wrapper + " before scheduling them.");
            }
        }
    }
}
