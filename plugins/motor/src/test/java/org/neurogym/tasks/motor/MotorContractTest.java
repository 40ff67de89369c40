package org.neurogym.tasks.motor;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class MotorContractTest {

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        // What the contract may expect of each task (e.g. the reaching tasks' lowered oracle
        // performance) is declared in its descriptor, so this test judges it as `neurogym check` does.
        return new MotorTasks().tasks().stream().flatMap(t -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new MotorTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }
}
