package org.neurogym.wrappers;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.WrapperContractTests;

/** The wrapper contract of every wrapper we ship, over every task of the task plugins on the test classpath. */
class WrapperContractTest {
    private static final List<TaskDescriptor> TASKS = ServiceLoader.load(TaskProvider.class).stream()
            .flatMap(p -> p.get().tasks().stream()).toList();

    /** Makes the further tasks of env schedules from the same plugins. */
    private static final EnvMaker MAKER = (id, params) -> TASKS.stream().filter(t -> t.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no task " + id)).create(params);

    @TestFactory
    Stream<DynamicTest> everyStandardWrapperMeetsTheContractOnEveryTask() {
        ContractOptions options = ContractOptions.defaults().withRandomSteps(1_000).withParams(Map.of());
        return new StandardWrappers().wrappers().stream()
                .flatMap((WrapperDescriptor w) -> WrapperContractTests.of(w, TASKS, MAKER, options));
    }
}
