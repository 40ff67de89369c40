package org.neurogym.cli;

import org.neurogym.api.Env;
import org.neurogym.api.Rng;
import org.neurogym.api.agent.Agent;
import picocli.CommandLine.Option;

/**
 * The options that {@code run}, {@code plot}, {@code psychometric}, {@code bench} and
 * {@code dataset} share, declared once. A command mixes in the ones it has, built with its own
 * default: picocli takes a mixin field's initial value as the option's default and shows it in
 * the help ({@code ${DEFAULT-VALUE}}).
 */
final class SharedOptions {
    private SharedOptions() {}

    /** {@code --agent}: who acts. */
    static final class AgentChoice {
        @Option(names = "--agent", paramLabel = "AGENT", description = AgentSpec.HELP + ". Default ${DEFAULT-VALUE}.")
        String spec;

        AgentChoice(String byDefault) {
            spec = byDefault;
        }

        Agent make(Env env, long seed) {
            return AgentSpec.make(spec, env, seed);
        }
    }

    /**
     * {@code --seed}: one seed for everything random in the command. A command without a fixed
     * default draws one when the option is absent; every command reports the seed it used, so
     * any run can be repeated.
     */
    static final class Seed {
        @Option(names = "--seed", paramLabel = "S",
                description = "Seed of everything random in the command (default 0; dataset draws one); the output reports the seed"
                        + " used, so any run can be repeated.")
        Long seed;

        private final boolean drawWhenAbsent;

        private Seed(Long byDefault, boolean drawWhenAbsent) {
            this.seed = byDefault;
            this.drawWhenAbsent = drawWhenAbsent;
        }

        static Seed fixed(long byDefault) {
            return new Seed(byDefault, false);
        }

        /** Absent: a seed drawn from the clock, once, and reported by the command. */
        static Seed drawn() {
            return new Seed(null, true);
        }

        private boolean drew;

        long value() {
            if (seed == null && drawWhenAbsent) {
                seed = Rng.derive(System.nanoTime(), 17);
                drew = true;
            }
            return seed;
        }

        /** How to repeat the run, for a seed that was drawn; empty for a given or fixed one. */
        String repeatHint() {
            return drew ? " (drawn; --seed " + seed + " repeats it)" : "";
        }
    }

    /**
     * {@code --trials} alone: how many trials, for a command that counts trials ({@code psychometric}).
     * Absent means the command's default.
     */
    static class Trials {
        @Option(names = "--trials", paramLabel = "N", description = "Run until N trials have ended (the command's description gives its default).")
        Long trials;

        /** Refuses a non-positive count; true when given. */
        boolean given() {
            if (trials != null && trials <= 0) throw new IllegalArgumentException("--trials must be positive, got " + trials);
            return trials != null;
        }
    }

    /**
     * {@code --trials} or {@code --steps} (not both): how long to run. Absent means the command's
     * default length. Only commands that accept both mix this in, so no command shows an option it refuses.
     */
    static final class Length extends Trials {
        @Option(names = "--steps", paramLabel = "N", description = "Run N steps.")
        Long steps;

        /** Refuses both at once and non-positive counts; true when either was given. */
        @Override
        boolean given() {
            if (trials != null && steps != null) throw new IllegalArgumentException("give --trials or --steps, not both");
            if (steps != null && steps <= 0) throw new IllegalArgumentException("--steps must be positive, got " + steps);
            return super.given() || steps != null;
        }
    }

    /** {@code --json}: machine-readable output. */
    static final class JsonOutput {
        @Option(names = "--json", description = "Machine-readable output (one JSON object).")
        boolean json;
    }

    /** {@code --threads}: parallelism of dataset filling. */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "N", description = "Threads filling dataset batches (default: the number of processors).")
        Integer threads;

        /** The given count, else the number of processors. */
        int count() {
            if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            return threads != null ? threads : Runtime.getRuntime().availableProcessors();
        }
    }
}
