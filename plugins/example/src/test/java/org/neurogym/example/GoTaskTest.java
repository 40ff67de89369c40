package org.neurogym.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.param.ParameterException;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.TaskContractTests;

class GoTaskTest {
    /** The NeuroGym task contract: spaces, determinism, oracle, timing, named channels. */
    @TestFactory
    Stream<DynamicTest> contract() {
        return TaskContractTests.of(GoTask.DESCRIPTOR, ContractOptions.defaults());
    }

    @Test
    void breakingFixationAbortsTheTrial() {
        try (Env env = GoTask.DESCRIPTOR.create(Map.of())) {
            env.reset(1);
            StepResult r = env.step(1);
            assertTrue(r.newTrial());
            assertEquals(-0.1, r.reward(), 1e-9);
        }
    }

    @Test
    void respondingAfterTheCueIsRewarded() {
        try (Env env = GoTask.DESCRIPTOR.create(Map.of("timing", Map.of("fixation", 200, "go", 300)))) {
            env.reset(2);
            env.step(0);
            env.step(0);
            StepResult r = env.step(1);
            assertTrue(r.newTrial());
            assertEquals(1.0, r.reward(), 1e-9);
            assertEquals(1.0, r.performance(), 1e-9);
        }
    }

    @Test
    void aNegativeNoiseIsRefusedByName() {
        ParameterException e = assertThrows(ParameterException.class, () -> GoTask.DESCRIPTOR.create(Map.of("sigma", -1.0)));
        assertEquals("sigma", e.key());
    }
}
