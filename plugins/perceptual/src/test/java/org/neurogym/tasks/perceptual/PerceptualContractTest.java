package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class PerceptualContractTest {

    /** Parameter variants run through the contract besides the defaults, under each task's own expectations. */
    static Stream<DynamicNode> variants() {
        return Stream.of(
                variant(ContextDecisionMaking.DESCRIPTOR, Map.of("use_expl_context", true, "dim_ring", 4)),
                variant(ContextDecisionMaking.DESCRIPTOR, Map.of("impl_context_modality", 1, "abort", true)),
                variant(MultiSensoryIntegration.DESCRIPTOR, Map.of("dim_ring", 3)),
                variant(ProbabilisticReasoning.DESCRIPTOR, Map.of("n_loc", 2, "shape_weight", new double[] {-1, 1})),
                variant(PostDecisionWager.DESCRIPTOR, Map.of("dim_ring", 3, "rewards", Map.of("correct", 2.0))),
                variant(Detection.DESCRIPTOR, Map.of("delay", 300, "stim_dur", 200)),
                variant(ToneDetection.DESCRIPTOR, Map.of("dt", 100)),
                variant(AnnubesEnv.DESCRIPTOR, Map.of("session", Map.of("v", 1, "a", 1, "av", 1), "max_sequential", 2,
                        "iti", 300, "fix_time", java.util.List.of("uniform", java.util.List.of(200, 600)))),
                variant(AnnubesEnv.DESCRIPTOR, Map.of("random_seed", 42)),
                variant(AnnubesEnv.DESCRIPTOR, Map.of("session", Map.of("a+v", 1, "t", 1), "catch_prob", 0.3,
                        "max_sequential", Map.of("a", 1, "catch", 2), "intensities", Map.of("a", java.util.List.of(0.5),
                                "v", java.util.List.of(1), "t", java.util.List.of(0.7, 0.9)))));
    }

    private static DynamicNode variant(TaskDescriptor task, Map<String, Object> params) {
        return DynamicContainer.dynamicContainer(task.id() + " " + params,
                TaskContractTests.of(task, ContractOptions.defaults().withParams(params)));
    }

    /**
     * With default parameters the contract runs exactly as {@code neurogym check} runs it: every
     * exception (with its reason) is declared in the task's descriptor, none here.
     */
    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new PerceptualTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, ContractOptions.defaults()));
    }

    /** A check is skipped only for an exception the descriptor declares (so far, the oracle), never by omission. */
    @TestFactory
    Stream<DynamicTest> onlyDeclaredChecksAreSkipped() {
        return new PerceptualTasks().tasks().stream().map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            for (CheckResult r : TaskContract.run(t, ContractOptions.defaults())) {
                if (r.status() != CheckResult.Status.SKIP) continue;
                assertEquals(TaskContract.ORACLE, r.check(), r.check() + " skipped: " + r.detail());
                assertNotNull(t.contract().noOracleReason());
                assertTrue(r.detail().startsWith(t.contract().noOracleReason() + " (exemption declared at " + t.contract().declaredAt()),
                        r.detail());
            }
        }));
    }

    @TestFactory
    Stream<DynamicNode> parameterVariantsMeetTheContract() {
        return variants();
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new PerceptualTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }
}
