package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.Env;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.Wrapper;

/** Finding the tasks behind a wrapper stack, which may hold env schedules of several envs. */
final class Tasks {
    private Tasks() {}

    /**
     * The trial-based envs that make the trials under {@code env}, one per task: the nearest
     * trial-based env, or, when the stack holds an env schedule, those of each of its envs (in
     * order, recursively). Empty when {@code env} is not trial-based. Building a trial from one of
     * them directly bypasses the wrappers above it (for wrap-time probing only).
     */
    static List<TrialBased> sources(Env env) {
        List<TrialBased> out = new ArrayList<>();
        collect(env, out);
        return out;
    }

    private static void collect(Env env, List<TrialBased> out) {
        for (Env e = env; e != null; e = e instanceof Wrapper w ? w.inner() : null) {
            if (e instanceof EnvSwitcher s) {
                for (int j = 0; j < s.envCount(); j++) collect(s.env(j), out);
                return;
            }
        }
        TrialBased tb = Guards.below(env);
        if (tb != null) out.add(tb);
    }

    /** Every task under {@code env}: one, or each env's under an env schedule. */
    static List<TrialEnv> all(Env env) {
        List<TrialEnv> out = new ArrayList<>();
        for (TrialBased tb : sources(env)) out.add(tb.task());
        return out;
    }
}
