package org.neurogym.tasks.workingmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class WorkingMemoryContractTest {

    @Test
    void providerListsTheSevenTasksOfTheFamily() {
        List<TaskDescriptor> tasks = new WorkingMemoryTasks().tasks();
        assertEquals(List.of("DelayComparison-v0", "DelayMatchCategory-v0", "DelayMatchSample-v0",
                        "DelayMatchSampleDistractor1D-v0", "DelayPairedAssociation-v0", "DualDelayMatchSample-v0", "GoNogo-v0"),
                tasks.stream().map(TaskDescriptor::id).collect(Collectors.toList()));
        for (TaskDescriptor t : tasks) assertEquals("working-memory", t.family(), t.id());
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        // Every task's trials are one plain sequence of its timed periods (some of length 0), and the
        // oracle can win every trial (No-go trials are won by withholding), so the defaults apply.
        return new WorkingMemoryTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new WorkingMemoryTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }
}
