package org.neurogym.tasks.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.CheckResult;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContract;
import org.neurogym.testkit.TaskContractTests;

class ContribContractTest {

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new ContribTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    /** Only the oracle may be skipped, and only when the descriptor says why. */
    @TestFactory
    Stream<DynamicTest> onlyDeclaredChecksAreSkipped() {
        return new ContribTasks().tasks().stream().map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            for (CheckResult r : TaskContract.run(t, ContractOptions.defaults())) {
                if (r.status() != CheckResult.Status.SKIP) continue;
                assertEquals(TaskContract.ORACLE, r.check(), r.check() + " skipped: " + r.detail());
                assertNotNull(t.contract().noOracleReason());
            }
        }));
    }

    @TestFactory
    Stream<DynamicNode> parameterVariantsMeetTheContract() {
        return Stream.of(
                variant(ChangingEnvironment.DESCRIPTOR, Map.of("cxt_cue", true, "cxt_ch_prob", 0.2)),
                variant(MatchingPenny.DESCRIPTOR, Map.of("opponent_type", "random")),
                variant(MemoryRecall.DESCRIPTOR, Map.of("balanced", false, "p_recall", 0.3, "t_min", 10, "t_max", 10)),
                variant(ContextSwitch.DESCRIPTOR, Map.of("p_switch", 0.5)),
                // the full task (phase 4) and the noise-free phases with the fewest channels
                variant(CVLearning.DESCRIPTOR, Map.of("th_stage", -1)),
                variant(CVLearning.DESCRIPTOR, Map.of("stages", java.util.List.of(1, 2), "n_ch", 2)),
                variant(CVLearning.DESCRIPTOR, Map.of("stages", java.util.List.of(3))));
    }

    private static DynamicNode variant(TaskDescriptor task, Map<String, Object> params) {
        return DynamicContainer.dynamicContainer(task.id() + " " + params,
                TaskContractTests.of(task, ContractOptions.defaults().withParams(params)));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new ContribTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }
}
