package org.neurogym.tasks.perceptual;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class PerceptualContractTest {

    /** The expected mean trial length: the sum of the expected lengths of {@code periods}. */
    private static double meanSteps(TrialEnv env, String... periods) {
        double sum = 0;
        for (String p : periods) sum += env.timing().get(p).meanSteps(env.dt());
        return sum;
    }

    /** The contract options of each task, with the reason for every exception. */
    static ContractOptions optionsFor(TaskDescriptor task) {
        ContractOptions o = ContractOptions.defaults();
        return switch (task.name()) {
            // pre_sure overlaps the delay; trials run fixation, stimulus, delay, decision
            case "PostDecisionWager" -> o.withExpectedMeanSteps(env -> meanSteps(env, "fixation", "stimulus", "delay", "decision"));
            // go trials add 'delay' and 'response' periods inside the stimulus period
            case "Detection" -> o.withExpectedMeanSteps(env -> meanSteps(env, "fixation", "stimulus"));
            // toneTiming and toneDur are timing entries but not periods; the trial is the stimulus period
            case "ToneDetection" -> o.withExpectedMeanSteps(env -> meanSteps(env, "stimulus"))
                    .withoutOracle("no reward rule: the task only labels each step (no tone or the tone's position) "
                            + "and never sets performance");
            case "SpatialSuppressMotion" -> o.withoutOracle("the target is a per-step probability vector with no "
                    + "reward rule; the task never sets performance");
            default -> o;
        };
    }

    /** Parameter variants run through the contract besides the defaults. */
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
                        "iti", 300, "fix_time", java.util.List.of("uniform", java.util.List.of(200, 600)))));
    }

    private static DynamicNode variant(TaskDescriptor task, Map<String, Object> params) {
        return DynamicContainer.dynamicContainer(task.id() + " " + params,
                TaskContractTests.of(task, optionsFor(task).withParams(params)));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new PerceptualTasks().tasks().stream()
                .flatMap((TaskDescriptor t) -> TaskContractTests.of(t, optionsFor(t)));
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
