package org.neurogym.tasks.valuebased;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.timing.Timing;
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
        // payoff), which the ground truth always makes: the oracle needs no exemption.
        // Every trial is exactly one step by construction; the task has no timed periods.
        return TaskContractTests.of(Bandit.DESCRIPTOR, ContractOptions.defaults()
                .withParams(Map.of("n", 3, "p", new double[] {0.2, 0.7, 0.5}))
                .withExpectedMeanSteps(env -> 1));
    }

    @TestFactory
    Stream<DynamicTest> banditWithDefaultsMeetsTheContract() {
        return TaskContractTests.of(Bandit.DESCRIPTOR, ContractOptions.defaults().withExpectedMeanSteps(env -> 1));
    }

    @TestFactory
    Stream<DynamicTest> dawTwoStepMeetsTheContract() {
        // Payouts and transitions are random, but performance measures the first-stage choice (the
        // common route to the better state), which the ground truth always makes.
        // Every trial is exactly two one-step stages by construction; the task has no timed periods.
        return TaskContractTests.of(DawTwoStep.DESCRIPTOR, ContractOptions.defaults().withExpectedMeanSteps(env -> 2));
    }

    @TestFactory
    Stream<DynamicTest> nullMeetsTheContract() {
        ContractOptions options = ContractOptions.defaults()
                .withoutOracle("the empty task has nothing to get right: no trial is ever counted correct")
                .withExpectedMeanSteps(env -> Timing.constant(Null.TRIAL_MS).meanSteps(env.dt()));
        // The empty task draws nothing at random, so two seeds cannot give different runs: the
        // determinism check may only fail for that reason (same seed, same run still holds).
        return TaskContract.run(Null.DESCRIPTOR, options).stream().map((CheckResult r) ->
                DynamicTest.dynamicTest(r.task() + ": " + r.check(), () -> {
                    if (r.check().equals(TaskContract.DETERMINISM) && r.failed()) {
                        assertTrue(r.detail().contains("give identical runs"), r.detail());
                    } else {
                        assertFalse(r.failed(), r.detail());
                    }
                    if (r.check().equals(TaskContract.ORACLE)) assertEquals(CheckResult.Status.SKIP, r.status());
                }));
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
