package org.neurogym.tasks.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.TaskDescriptor;

import org.neurogym.tasks.collections.yang19.Yang19;
import org.neurogym.testkit.CheckResult;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContract;
import org.neurogym.testkit.TaskContractTests;

class CollectionsContractTest {

    /** With default parameters, exactly as {@code neurogym check} runs it; exceptions live in the descriptors. */
    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new CollectionTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    /** No check is skipped: every collection task has an oracle and a known mean trial length. */
    @TestFactory
    Stream<DynamicTest> noCheckIsSkipped() {
        return new CollectionTasks().tasks().stream().map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            for (CheckResult r : TaskContract.run(t, ContractOptions.defaults())) {
                assertEquals(CheckResult.Status.PASS, r.status(), r.check() + ": " + r.detail());
            }
        }));
    }

    @TestFactory
    Stream<DynamicNode> parameterVariantsMeetTheContract() {
        return Stream.of(
                variant(Yang19.tasks().get(0), Map.of("dim_ring", 8, "timing", Map.of("delay", 300))),
                variant(Yang19.tasks().get(4), Map.of("dim_ring", 4, "dt", 20)),
                variant(Yang19.tasks().get(6), Map.of("sigma", 0.0, "cohs", new double[] {0.5})),
                variant(Yang19.tasks().get(15), Map.of("dim_ring", 6, "timing", Map.of("delay", java.util.List.of(500, 1500)))),
                variant(Yang19.tasks().get(18), Map.of("dim_ring", 4)),
                variant(Yang19.tasks().get(19), Map.of("dt", 50)));
    }

    private static DynamicNode variant(TaskDescriptor task, Map<String, Object> params) {
        return DynamicContainer.dynamicContainer(task.id() + " " + params,
                TaskContractTests.of(task, ContractOptions.defaults().withParams(params)));
    }

    /** Every task, the scheduled set included: its summary reads the trials through its wrappers, rule inputs and all. */
    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new CollectionTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }

    @TestFactory
    Stream<DynamicTest> providerListsTheCollectionIds() {
        return Stream.of(DynamicTest.dynamicTest("ids", () -> {
            var ids = new CollectionTasks().tasks().stream().map(TaskDescriptor::id).toList();
            assertEquals(23, ids.size());
            assertEquals(23, new java.util.HashSet<>(ids).size());
            assertEquals(true, ids.contains("yang19.all-v0"));
            for (String n : new String[] {"go", "rtgo", "dlygo", "anti", "rtanti", "dlyanti", "dm1", "dm2", "ctxdm1", "ctxdm2",
                    "multidm", "dlydm1", "dlydm2", "ctxdlydm1", "ctxdlydm2", "multidlydm", "dms", "dnms", "dmc", "dnmc"}) {
                assertNotNull(ids.contains("yang19." + n + "-v0") ? n : null, "missing yang19." + n + "-v0");
            }
            assertEquals(true, ids.contains("perceptualdecisionmaking.roitman02-v0"));
            assertEquals(true, ids.contains("perceptualdecisionmaking.ibl20-v0"));
        }));
    }
}
