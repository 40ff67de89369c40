package org.neurogym.monitor;

/**
 * What {@link Monitor#evaluatePolicy} measured, trial by trial: the reward of each trial's last
 * step, the reward summed over each trial, and each trial's performance.
 *
 * @param meanReward the fraction of trials whose last-step reward was positive (the reference's mean reward)
 */
public record Evaluation(double[] rewards, double meanReward, double[] cumRewards, double meanCumReward,
                         double[] performances, double meanPerformance) {}
