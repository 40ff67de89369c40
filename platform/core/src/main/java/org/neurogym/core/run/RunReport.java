package org.neurogym.core.run;

/**
 * What a run did: completed trials, steps, mean reward per completed trial, mean performance,
 * speed and the digest of every observation, action and reward.
 */
public record RunReport(String task, String agent, long seed, long trials, long steps, double totalReward,
                        double meanRewardPerTrial, double meanPerformance, double stepsPerSecond, String digest) {}
