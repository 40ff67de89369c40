package org.neurogym.testkit;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The task contract as JUnit 5 dynamic tests. In a plugin's tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> contract() {
 *     return TaskContractTests.of(MyTask.DESCRIPTOR, ContractOptions.defaults());
 * }
 * }</pre>
 */
public final class TaskContractTests {
    private TaskContractTests() {}

    public static Stream<DynamicTest> of(TaskDescriptor task, ContractOptions options) {
        return TaskContract.run(task, options).stream().map(r -> DynamicTest.dynamicTest(task.id() + ": " + r.check(), () -> {
            Assumptions.assumeTrue(r.status() != CheckResult.Status.SKIP, r.detail());
            Assertions.assertFalse(r.failed(), r.detail());
        }));
    }
}
