package org.neurogym.core.run;

/**
 * What a run did: completed trials, steps, mean reward per completed trial, mean performance,
 * speed, the digest of every observation, action and reward, and the mean of every numeric info
 * entry reported when trials end (e.g. a wrapper's {@code reaction_time}; NaN values are skipped).
 */
public record RunReport(String task, String agent, long seed, long trials, long steps, double totalReward,
                        double meanRewardPerTrial, double meanPerformance, double stepsPerSecond, String digest,
                        java.util.Map<String, Double> infoMeans) {}
