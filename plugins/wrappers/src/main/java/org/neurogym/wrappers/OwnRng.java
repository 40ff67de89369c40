package org.neurogym.wrappers;

import org.neurogym.api.Env;
import org.neurogym.api.Rng;
import org.neurogym.api.Wrapper;

/**
 * A wrapper's own random stream, derived from the episode seed and the wrapper's depth in the
 * stack (so that two wrappers of the same kind draw different numbers). Wrappers reseed it in
 * {@code reset(seed)} before delegating, because the inner reset already builds the first trial
 * through the top of the stack.
 */
final class OwnRng {
    /** Keeps wrapper streams apart from the per-env seeds {@code Rng.derive(seed, j)} of the env schedules. */
    private static final long BASE = 0x5EED_0000L;

    final Rng rng = new Rng(0);
    private final long index;
    private boolean seeded;

    /** A stream for a wrapper placed directly over {@code inner}. */
    OwnRng(Env inner) {
        this.index = BASE + depth(inner);
    }

    /** Reseeds from an episode seed. */
    void reseed(long seed) {
        rng.reseed(Rng.derive(seed, index));
        seeded = true;
    }

    /** Seeds from the clock unless seeded already (an unseeded {@code reset()}). */
    void ensureSeeded() {
        if (!seeded) reseed(System.nanoTime() ^ Rng.derive(System.identityHashCode(this), 7));
    }

    /** Number of wrappers under (and including) {@code env}'s outermost layer, so 1 for a bare task. */
    static int depth(Env env) {
        int d = 1;
        for (Env e = env; e instanceof Wrapper w; e = w.inner()) d++;
        return d;
    }
}
