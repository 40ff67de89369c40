package org.neurogym.testkit;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * The wrapper contract as JUnit 5 dynamic tests, one per check and task. In a plugin's tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> contract() {
 *     return WrapperContractTests.of(MyWrapper.DESCRIPTOR, tasks, EnvMaker.NONE, ContractOptions.defaults().withRandomSteps(2_000));
 * }
 * }</pre>
 */
public final class WrapperContractTests {
    private WrapperContractTests() {}

    public static Stream<DynamicTest> of(WrapperDescriptor wrapper, List<TaskDescriptor> tasks, EnvMaker maker, ContractOptions options) {
        return tasks.stream().flatMap(task -> WrapperContract.run(wrapper, task, maker, options).stream())
                .map(r -> DynamicTest.dynamicTest(r.task() + ": " + r.check(), () -> {
                    Assumptions.assumeTrue(r.status() != CheckResult.Status.SKIP, r.detail());
                    Assertions.assertFalse(r.failed(), r.detail());
                }));
    }
}
