package org.neurogym.data;

import java.util.Map;

/**
 * A trial that starts inside a batch: its row, the step (within the batch's sequence) of its first
 * observation, and its facts as the task drew them (coherence, ground truth...).
 */
public record TrialStart(int row, int step, Map<String, Object> facts) {}
