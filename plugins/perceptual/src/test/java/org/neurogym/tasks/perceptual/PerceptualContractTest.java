package org.neurogym.tasks.perceptual;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class PerceptualContractTest {

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new PerceptualTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new PerceptualTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }
}
