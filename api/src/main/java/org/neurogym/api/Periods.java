package org.neurogym.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The periods of the current trial of one {@link TrialEnv}, in steps: where each starts and ends,
 * and where the trial ends. {@link TrialEnv} turns its protected period methods into calls here.
 *
 * <p>Period names get a slot the first time they are added and keep it for the env's life, so a
 * new trial only marks every slot absent instead of building maps again.
 */
final class Periods {
    private final TrialEnv owner;
    private final NameIndex names = new NameIndex(); // inPeriod runs on every step: no hashing, no boxed slots
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int trialEnd;

    Periods(TrialEnv owner) {
        this.owner = owner;
    }

    /** Forgets the previous trial's periods. */
    void clear() {
        for (int i = 0; i < names.size(); i++) {
            starts[i] = -1;
            ends[i] = -1;
        }
        trialEnd = 0;
    }

    /** Places {@code period} at steps {@code start} .. {@code start + steps}; the trial grows to hold it. */
    void put(String period, int start, int steps) {
        if (start < 0) throw new NeuroGymException("period '" + period + "' would start before the trial");
        int slot = names.find(period);
        if (slot < 0) {
            slot = names.add(period);
            if (slot >= starts.length) {
                starts = Arrays.copyOf(starts, slot * 2);
                ends = Arrays.copyOf(ends, slot * 2);
            }
        }
        starts[slot] = start;
        ends[slot] = start + steps;
        trialEnd = Math.max(trialEnd, start + steps);
    }

    /** The trial's length in steps: the end of its last period. */
    int trialEnd() {
        return trialEnd;
    }

    boolean contains(String period, int step) {
        int slot = names.find(period);
        return slot >= 0 && starts[slot] <= step && step < ends[slot];
    }

    int start(String period) {
        return starts[slot(period)];
    }

    int end(String period) {
        return ends[slot(period)];
    }

    /** The first step of {@code period}, or of the trial when {@code period} is null. */
    int startOrFirst(String period) {
        return period == null ? 0 : start(period);
    }

    /** The step after {@code period}, or the trial's length when {@code period} is null. */
    int endOrLast(String period) {
        return period == null ? trialEnd : end(period);
    }

    boolean has(String period) {
        int slot = names.find(period);
        return slot >= 0 && starts[slot] >= 0;
    }

    /** The periods of the current trial, in the order they were first added. */
    List<String> present() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) if (starts[i] >= 0) out.add(names.name(i));
        return out;
    }

    /** Moves {@code period} to steps {@code start} .. {@code end}, within the trial. */
    void move(String period, int start, int end) {
        int slot = slot(period);
        if (start < 0 || end < start || end > trialEnd) {
            throw new NeuroGymException("cannot move period '" + period + "' to steps " + start + ".." + end
                    + " of a trial of " + trialEnd + " steps");
        }
        starts[slot] = start;
        ends[slot] = end;
    }

    /** Ends the trial after {@code steps} steps; periods past it keep their bounds but are never reached. */
    void shorten(int steps) {
        if (steps < 1 || steps > trialEnd) {
            throw new NeuroGymException("cannot shorten a trial of " + trialEnd + " steps to " + steps);
        }
        trialEnd = steps;
    }

    private int slot(String period) {
        int slot = names.find(period);
        if (slot < 0 || starts[slot] < 0) {
            throw new NeuroGymException("period '" + period + "' has not been added to this trial of " + owner.name()
                    + " (periods: " + present() + ")");
        }
        return slot;
    }
}
