package org.neurogym.wrappers;

import org.neurogym.api.StepResult;

/** Small helpers over {@link StepResult}. */
final class Results {
    private Results() {}

    /**
     * Copies everything but the observation and the "observation provided" flag, for a wrapper that
     * writes the observation itself from a trial matrix.
     */
    static void copyWithoutObservation(StepResult from, StepResult to) {
        to.clear();
        to.setReward(from.reward());
        to.setTerminated(from.terminated());
        to.setTruncated(from.truncated());
        to.setNewTrial(from.newTrial());
        if (from.hasGroundTruth()) {
            if (from.groundTruthVector() != null && to.groundTruthVector() != null) {
                System.arraycopy(from.groundTruthVector(), 0, to.groundTruthVector(), 0,
                        Math.min(from.groundTruthVector().length, to.groundTruthVector().length));
                to.markGroundTruthVector();
            } else {
                to.setGroundTruth(from.groundTruth());
            }
        }
        to.setPerformance(from.performance());
        to.setTrial(from.trial());
        if (!from.infoIfAny().isEmpty()) to.info().putAll(from.infoIfAny());
    }

    /** Size of an action: 0 for a discrete space, the Box size otherwise. */
    static int actionSize(org.neurogym.api.space.Space s) {
        return s instanceof org.neurogym.api.space.Box b ? b.size() : 0;
    }
}
