package org.neurogym.testkit;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.neurogym.api.TrialEnv;

/**
 * How the contract treats one task: its parameters, and the exceptions a task may declare
 * (with the reason shown in reports), e.g. no supervised target for the oracle to follow.
 */
public record ContractOptions(Map<String, Object> params, int randomSteps, int oracleTrials,
                              double minOraclePerformance, String oracleExemption, int timingTrials,
                              ToDoubleFunction<TrialEnv> expectedMeanSteps, long seed) {

    public static ContractOptions defaults() {
        return new ContractOptions(Map.of(), 10_000, 500, 0.99, null, 2_000, null, 1234);
    }

    public ContractOptions withParams(Map<String, Object> p) {
        return new ContractOptions(p, randomSteps, oracleTrials, minOraclePerformance, oracleExemption, timingTrials, expectedMeanSteps, seed);
    }

    /** Skips the oracle check, saying why (e.g. "no supervised target: rewards are probabilistic"). */
    public ContractOptions withoutOracle(String reason) {
        return new ContractOptions(params, randomSteps, oracleTrials, minOraclePerformance, reason, timingTrials, expectedMeanSteps, seed);
    }

    /** Lowers the share of trials the oracle must win, for tasks where the ground truth cannot always win (say why in a comment). */
    public ContractOptions withMinOraclePerformance(double share) {
        return new ContractOptions(params, randomSteps, oracleTrials, share, oracleExemption, timingTrials, expectedMeanSteps, seed);
    }

    /**
     * The expected mean trial length in steps, for tasks whose trials are not one plain sequence of
     * their timed periods (the contract otherwise derives it from the timing).
     */
    public ContractOptions withExpectedMeanSteps(ToDoubleFunction<TrialEnv> expected) {
        return new ContractOptions(params, randomSteps, oracleTrials, minOraclePerformance, oracleExemption, timingTrials, expected, seed);
    }

    public ContractOptions withRandomSteps(int steps) {
        return new ContractOptions(params, steps, oracleTrials, minOraclePerformance, oracleExemption, timingTrials, expectedMeanSteps, seed);
    }
}
