package org.neurogym.tasks.valuebased;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.testkit.CheckResult;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContract;
import org.neurogym.testkit.TaskContractTests;

class ValueBasedContractTest {

    @TestFactory
    Stream<DynamicTest> economicDecisionMakingMeetsTheContract() {
        return TaskContractTests.of(EconomicDecisionMaking.DESCRIPTOR, ContractOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> banditMeetsTheContract() {
        // The payout is a coin flip, but performance measures the choice (the arm of highest expected
        // payoff), which the ground truth always makes: the oracle needs no exemption. The one-step
        // trial length is declared by the task's descriptor.
        return TaskContractTests.of(Bandit.DESCRIPTOR, ContractOptions.defaults()
                .withParams(Map.of("n", 3, "p", new double[] {0.2, 0.7, 0.5})));
    }

    @TestFactory
    Stream<DynamicTest> banditWithDefaultsMeetsTheContract() {
        return TaskContractTests.of(Bandit.DESCRIPTOR, ContractOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> dawTwoStepMeetsTheContract() {
        // Payouts and transitions are random, but performance measures the first-stage choice (the
        // common route to the better state), which the ground truth always makes. The two-step trial
        // length is declared by the task's descriptor.
        return TaskContractTests.of(DawTwoStep.DESCRIPTOR, ContractOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> nullMeetsTheContract() {
        // The descriptor exempts the oracle (nothing to get right) and the seed check (nothing drawn at random).
        return TaskContractTests.of(Null.DESCRIPTOR, ContractOptions.defaults());
    }

    @Test
    void nullDeclaresItsExemptions() {
        List<CheckResult> results = TaskContract.run(Null.DESCRIPTOR, ContractOptions.defaults());
        for (CheckResult r : results) {
            assertFalse(r.failed(), r.check() + ": " + r.detail());
            if (r.check().equals(TaskContract.ORACLE)) assertEquals(CheckResult.Status.SKIP, r.status());
            if (r.check().equals(TaskContract.DETERMINISM)) {
                assertEquals(CheckResult.Status.PASS, r.status());
                assertTrue(r.detail().contains("draws nothing at random"), r.detail());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new ValueBasedTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskIsInTheValueBasedFamily() {
        return new ValueBasedTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> assertEquals("value-based", t.family())));
    }
}
