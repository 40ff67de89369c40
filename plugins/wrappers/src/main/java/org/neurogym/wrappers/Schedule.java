package org.neurogym.wrappers;

import java.util.List;
import java.util.Locale;
import org.neurogym.api.Rng;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;

/**
 * Picks one of {@code n} conditions (attribute sets, envs) per trial. Each call of {@link #next()}
 * gives the condition of the next trial. A schedule owns a seeded {@link Rng}; {@link #reset()}
 * restarts the sequence (not the random stream), {@link #seed(long)} restarts the stream.
 *
 * <p>The first call after a reset starts the sequence: index 0 for the sequential schedules,
 * a uniformly drawn index for the random ones.
 */
public abstract class Schedule {
    /** The schedule names a wrapper's {@code schedule} parameter accepts. */
    public static final List<String> NAMES = List.of("Sequential", "Random", "SequentialBlock", "RandomBlock");

    protected final int n;
    protected final Rng rng = new Rng(0);
    /** The current index, or -1 before the first call after a reset. */
    protected int i = -1;
    /** Calls within the current block. */
    protected int count;

    protected Schedule(int n) {
        if (n < 1) throw new IllegalArgumentException("a schedule needs at least one condition, got " + n);
        this.n = n;
    }

    /** The index of the next trial's condition. */
    public final int next() {
        i = advance();
        return i;
    }

    protected abstract int advance();

    /** Restarts the sequence: the next call begins it again. */
    public void reset() {
        i = -1;
        count = 0;
    }

    /** Restarts the random stream from {@code seed}. */
    public void seed(long seed) {
        rng.reseed(seed);
    }

    /** The number of conditions. */
    public int size() {
        return n;
    }

    /** The current index (-1 before the first call after a reset). */
    public int current() {
        return i;
    }

    /** A uniformly drawn index other than {@code current} (any index when there is none, or when n is 1). */
    protected final int drawOther(int current) {
        if (current < 0) return rng.integer(n);
        if (n == 1) return 0;
        int j = rng.integer(n - 1);
        return j >= current ? j + 1 : j;
    }

    /** Cycles 0, 1, ..., n-1, 0, ... */
    public static final class Sequential extends Schedule {
        public Sequential(int n) {
            super(n);
        }

        @Override
        protected int advance() {
            return i < 0 || i + 1 >= n ? 0 : i + 1;
        }
    }

    /** A uniformly drawn index on every call, never the current one (when n > 1). */
    public static final class Random extends Schedule {
        public Random(int n) {
            super(n);
        }

        @Override
        protected int advance() {
            return drawOther(i);
        }
    }

    /** Block schedules: stay on an index for its block length, then move on. */
    private abstract static class Block extends Schedule {
        private final int[] blockLens;

        Block(int n, int[] blockLens) {
            super(n);
            if (blockLens == null || blockLens.length != n) {
                throw new IllegalArgumentException("block_lens needs one length per condition (" + n + "), got "
                        + (blockLens == null ? "none" : blockLens.length));
            }
            for (int len : blockLens) {
                if (len < 1) throw new IllegalArgumentException("block lengths must be >= 1, got " + len);
            }
            this.blockLens = blockLens.clone();
        }

        @Override
        protected final int advance() {
            if (i >= 0 && count < blockLens[i]) {
                count++;
                return i;
            }
            count = 1;
            return nextBlock();
        }

        protected abstract int nextBlock();
    }

    /** Blocks in order 0, 1, ..., each lasting its block length in trials. */
    public static final class SequentialBlock extends Block {
        public SequentialBlock(int n, int[] blockLens) {
            super(n, blockLens);
        }

        @Override
        protected int nextBlock() {
            return i < 0 || i + 1 >= n ? 0 : i + 1;
        }
    }

    /** Blocks in random order (never the same index twice in a row when n > 1), each lasting its block length. */
    public static final class RandomBlock extends Block {
        public RandomBlock(int n, int[] blockLens) {
            super(n, blockLens);
        }

        @Override
        protected int nextBlock() {
            return drawOther(i);
        }
    }

    /**
     * Makes the schedule named by {@code name} ("Sequential", "Random", "SequentialBlock",
     * "RandomBlock"; case-insensitive, an optional "Schedule" suffix allowed) over {@code n}
     * conditions; {@code blockLens} is required by the block schedules and refused by the others.
     */
    public static Schedule of(String name, int n, int[] blockLens) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.endsWith("schedule")) key = key.substring(0, key.length() - "schedule".length());
        boolean block = key.equals("sequentialblock") || key.equals("randomblock");
        if (!block && (key.equals("sequential") || key.equals("random")) && blockLens != null) {
            throw new IllegalArgumentException("block_lens applies only to the block schedules, not to " + name);
        }
        switch (key) {
            case "sequential": return new Sequential(n);
            case "random": return new Random(n);
            case "sequentialblock": return new SequentialBlock(n, blockLens);
            case "randomblock": return new RandomBlock(n, blockLens);
            default:
                throw new IllegalArgumentException("unknown schedule '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** Reads a wrapper's {@code schedule} and {@code block_lens} parameters; errors name the key and the wrapper. */
    static Schedule fromParams(Params p, int n) {
        int[] lens = p.isSet("block_lens") ? p.getInts("block_lens") : null;
        try {
            return of(p.getString("schedule"), n, lens);
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().startsWith("block") ? "block_lens" : "schedule";
            throw new ParameterException(key, p.owner() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + n + ")";
    }
}
