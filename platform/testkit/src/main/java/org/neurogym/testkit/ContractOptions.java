package org.neurogym.testkit;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.EnvMaker;

/**
 * How the contract runs on one task: parameters, sizes, seed. What it may expect of the task comes
 * from the task's descriptor ({@link org.neurogym.api.spi.TaskDescriptor#contract()}), so tests and
 * {@code neurogym check} agree; a test may override it for non-default parameters.
 */
public record ContractOptions(Map<String, Object> params, int randomSteps, int oracleTrials, int timingTrials, long seed,
                              ContractExpectations expectations, EnvMaker maker) {

    /** Default sizes and seed; composed tasks are made from the providers on the class path. */
    public static ContractOptions defaults() {
        return new ContractOptions(Map.of(), 10_000, 500, 2_000, 1234, null, ClasspathMaker.ofContext());
    }

    public ContractOptions withParams(Map<String, Object> p) {
        return new ContractOptions(p, randomSteps, oracleTrials, timingTrials, seed, expectations, maker);
    }

    public ContractOptions withRandomSteps(int steps) {
        return new ContractOptions(params, steps, oracleTrials, timingTrials, seed, expectations, maker);
    }

    /** Makes composed tasks with {@code m} (e.g. the host, in {@code neurogym check}). */
    public ContractOptions withMaker(EnvMaker m) {
        return new ContractOptions(params, randomSteps, oracleTrials, timingTrials, seed, expectations, m);
    }

    /** Replaces the descriptor's expectations (e.g. for parameters that change what the task can do). */
    public ContractOptions withExpectations(ContractExpectations e) {
        return new ContractOptions(params, randomSteps, oracleTrials, timingTrials, seed, e, maker);
    }

    /** The expectations in force: these options' own, else the task's. */
    ContractExpectations resolve(ContractExpectations fromDescriptor) {
        return expectations != null ? expectations : fromDescriptor;
    }

    private ContractExpectations base() {
        return expectations != null ? expectations : ContractExpectations.DEFAULT;
    }

    /** Shorthand for {@code withExpectations(...withoutOracle(reason))} over these options' expectations. */
    public ContractOptions withoutOracle(String reason) {
        return withExpectations(base().withoutOracle(reason));
    }

    public ContractOptions withMinOraclePerformance(double share) {
        return withExpectations(base().withMinOraclePerformance(share, "declared by the test"));
    }

    public ContractOptions withExpectedMeanSteps(ToDoubleFunction<TrialEnv> expected) {
        return withExpectations(base().withExpectedMeanSteps(expected));
    }
}
