package org.neurogym.api.spi;

import java.util.function.ToDoubleFunction;
import org.neurogym.api.TrialEnv;

/**
 * What the task contract may expect of a task, declared by the task itself so that its tests and
 * {@code neurogym check} judge it alike. The defaults expect everything: a check the task cannot
 * meet fails unless an exemption is declared here, with the reason shown in reports together with
 * where it was declared ({@link #declaredAt}).
 *
 * @param noOracleReason why an agent acting the ground truth cannot win trials (null: it must)
 * @param minOraclePerformance the share of trials the oracle must win (0.99 by default)
 * @param oracleReason why the share is lowered (null when it is not)
 * @param expectedMeanSteps the expected mean trial length in steps, for tasks whose trials are not one
 *        plain sequence of their timed periods (null: derived from the timing)
 * @param noRandomnessReason why two seeds may give identical runs (null: they must differ)
 * @param declaredAt the source line that declared the last exemption ({@code Class (File.java:line)}), or null
 */
public record ContractExpectations(String noOracleReason, double minOraclePerformance, String oracleReason,
                                   ToDoubleFunction<TrialEnv> expectedMeanSteps, String noRandomnessReason,
                                   String declaredAt) {

    public static final ContractExpectations DEFAULT = new ContractExpectations(null, 0.99, null, null, null, null);

    public ContractExpectations withoutOracle(String reason) {
        return new ContractExpectations(reason, minOraclePerformance, oracleReason, expectedMeanSteps, noRandomnessReason, caller());
    }

    public ContractExpectations withMinOraclePerformance(double share, String reason) {
        return new ContractExpectations(noOracleReason, share, reason, expectedMeanSteps, noRandomnessReason, caller());
    }

    public ContractExpectations withExpectedMeanSteps(ToDoubleFunction<TrialEnv> expected) {
        return new ContractExpectations(noOracleReason, minOraclePerformance, oracleReason, expected, noRandomnessReason, caller());
    }

    public ContractExpectations withoutRandomness(String reason) {
        return new ContractExpectations(noOracleReason, minOraclePerformance, oracleReason, expectedMeanSteps, reason, caller());
    }

    /** The first frame outside this record and the test kit's options: the task (or test) that declared an exemption. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(ContractExpectations.class.getName())
                        && !f.getClassName().equals("org.neurogym.testkit.ContractOptions"))
                .findFirst()
                .map(f -> f.getClassName() + " (" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse(null));
    }
}
