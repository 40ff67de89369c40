package org.neurogym.tasks.visual;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.TaskContractTests;

class VisualContractTest {

    /** With default parameters the contract runs exactly as {@code neurogym check} runs it. */
    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new VisualTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, ContractOptions.defaults()));
    }
}
