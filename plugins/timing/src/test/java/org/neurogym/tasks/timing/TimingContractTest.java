package org.neurogym.tasks.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.TrialEnv;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.GoldenSummaries;
import org.neurogym.testkit.TaskContractTests;

class TimingContractTest {

    private static double steps(TrialEnv env, String period) {
        return env.timing().get(period).meanSteps(env.dt());
    }

    @TestFactory
    Stream<DynamicTest> readySetGoMeetsTheContract() {
        // ready overlaps measure, and production lasts twice gain x measure: with the default gain 1 and
        // measure a whole number of steps, a trial is fixation + 3 x measure + set.
        return TaskContractTests.of(ReadySetGo.DESCRIPTOR, ContractOptions.defaults()
                .withExpectedMeanSteps(env -> steps(env, "fixation") + 3 * steps(env, "measure") + steps(env, "set")));
    }

    @TestFactory
    Stream<DynamicTest> motorTimingMeetsTheContract() {
        // production lasts twice the cued interval, each interval equally likely
        return TaskContractTests.of(MotorTiming.DESCRIPTOR, ContractOptions.defaults()
                .withExpectedMeanSteps(env -> steps(env, "fixation") + steps(env, "cue") + steps(env, "set")
                        + Arrays.stream(MotorTiming.intervals()).map(i -> Math.floor(2 * i / env.dt())).average().orElseThrow()));
    }

    @TestFactory
    Stream<DynamicTest> oneTwoThreeGoMeetsTheContract() {
        // the three intervals all take the duration drawn for interval1
        return TaskContractTests.of(OneTwoThreeGo.DESCRIPTOR, ContractOptions.defaults()
                .withExpectedMeanSteps(env -> steps(env, "fixation") + steps(env, "target") + steps(env, "s1")
                        + steps(env, "s2") + steps(env, "s3") + steps(env, "response") + 3 * steps(env, "interval1")));
    }

    @TestFactory
    Stream<DynamicTest> intervalDiscriminationMeetsTheContract() {
        return TaskContractTests.of(IntervalDiscrimination.DESCRIPTOR, ContractOptions.defaults());
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
