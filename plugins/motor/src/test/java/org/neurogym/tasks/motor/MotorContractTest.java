package org.neurogym.tasks.motor;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class MotorContractTest {

    /**
     * The reaching tasks' trials are fixation then reach, plus the auxiliary period 'movement'
     * inside reach (where the ground truth turns), so they are not a plain sequence of periods.
     */
    static double reachingMeanSteps(TrialEnv env) {
        return env.timing().get("fixation").meanSteps(env.dt()) + env.timing().get("reach").meanSteps(env.dt());
    }

    static ContractOptions options(TaskDescriptor task) {
        if (task == Reaching1D.DESCRIPTOR || task == Reaching1DWithSelfDistraction.DESCRIPTOR) {
            // Performance is the mean over the reach steps of a reward that falls with the distance
            // between reach state and target. The state moves 0.05 rad per step from pi towards a target
            // drawn anywhere on the circle, so even the ideal reach (the oracle) is away from the target
            // on the first reach steps of almost every trial and its performance stays below 1. The
            // oracle still runs here (its trials must end); ReachingRulesTest proves it earns the best
            // reward available and beats other policies.
            return ContractOptions.defaults()
                    .withMinOraclePerformance(0.0)
                    .withExpectedMeanSteps(MotorContractTest::reachingMeanSteps);
        }
        return ContractOptions.defaults();
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheContract() {
        return new MotorTasks().tasks().stream().flatMap(t -> TaskContractTests.of(t, options(t)));
    }

    @TestFactory
    Stream<DynamicTest> everyTaskMatchesItsGoldenSummary() {
        return new MotorTasks().tasks().stream()
                .map(t -> DynamicTest.dynamicTest(t.id(), () -> GoldenSummaries.assertMatches(t, getClass())));
    }
}
