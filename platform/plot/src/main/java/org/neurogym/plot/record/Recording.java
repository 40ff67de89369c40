package org.neurogym.plot.record;

import java.util.List;
import java.util.Map;

/**
 * What an agent saw and did over a run, step by step: the data of the trials figure.
 *
 * <p>Arrays are flat and row-major: {@code observations[t * observationSize + c]} is channel
 * {@code c} of the observation the agent saw before its action at step {@code t};
 * {@code actions[t * actionSize + k]} is its action (one value per step for a discrete action
 * space). {@code groundTruth} has the same layout as {@code actions} (NaN on steps without one).
 * {@code performance[t]} is the performance of the trial that ended at step {@code t}, NaN when
 * no trial ended there.
 *
 * @param name the env's name, for titles
 * @param dt the time step in ms
 * @param steps number of recorded steps
 * @param observationNames one label per observation channel ({@code stimulus[1]})
 * @param actionNames one label per action (discrete: per action value; continuous: per dimension)
 * @param discreteActions true for a discrete action space
 * @param rewardLevels the task's named rewards (label to value), for the reward axis
 * @param trialStarts the first step of each trial in the recording (the first is 0)
 * @param periods the periods of each trial, clipped to where the trial actually ended
 */
public record Recording(String name, double dt, int steps,
                        List<String> observationNames, float[] observations,
                        List<String> actionNames, boolean discreteActions, float[] actions, float[] groundTruth,
                        double[] rewards, double[] performance, int[] trialStarts, List<Span> periods,
                        Map<String, Double> rewardLevels) {

    /** A period of one trial: steps {@code [start, end)} of the recording. */
    public record Span(String period, int trial, int start, int end) {}

    public int observationSize() {
        return observationNames.size();
    }

    /** Values per step in {@link #actions()}: 1 for a discrete action space, else the action's length. */
    public int actionSize() {
        return discreteActions ? 1 : actionNames.size();
    }

    /** Number of trials that ended within the recording. */
    public int completedTrials() {
        int n = 0;
        for (double p : performance) if (!Double.isNaN(p)) n++;
        return n;
    }

    /** Mean performance of the trials that ended, NaN when none did. */
    public double meanPerformance() {
        double sum = 0;
        int n = 0;
        for (double p : performance) {
            if (!Double.isNaN(p)) {
                sum += p;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** True when any step has a ground truth. */
    public boolean hasGroundTruth() {
        for (float g : groundTruth) if (!Float.isNaN(g)) return true;
        return false;
    }
}
