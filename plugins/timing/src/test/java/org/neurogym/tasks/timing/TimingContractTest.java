package org.neurogym.tasks.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class TimingContractTest {

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        // The expected trial lengths of the tasks whose trials are not one plain sequence of timed
        // periods are declared in their descriptors, so this test judges them as `neurogym check` does.
        return new TimingTasks().tasks().stream().flatMap(t -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    @TestFactory
    Stream<DynamicTest> readySetGoWithAnotherGainMeetsTheContract() {
        // the declared expected length follows gain: fixation + (1 + 2 gain) x measure + set
        return TaskContractTests.of(ReadySetGo.DESCRIPTOR, ContractOptions.defaults().withParams(Map.of("gain", 1.5)));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new TimingTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskIsInTheTimingFamily() {
        return new TimingTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> assertEquals("timing", t.family())));
    }
}
