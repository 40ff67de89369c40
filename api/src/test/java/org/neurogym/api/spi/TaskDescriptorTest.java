package org.neurogym.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;

/** What the host knows of a task: id, metadata, schema and a validating factory. */
class TaskDescriptorTest {

    static class Go extends TrialEnv {
        Go(Params p) {
            super(p);
            defineTiming(p, "go", 100);
            defineSpaces(Box.unbounded(p.getInt("n")), new Discrete(2));
        }

        @Override
        protected void onNewTrial(Trial trial) {
            addPeriod("go");
        }

        @Override
        protected void onStep(int action, StepResult out) {}
    }

    private static TaskDescriptor.Builder go() {
        return TaskDescriptor.builder("Go-v1").family("toy").tags("motor", "simple").description("Go.")
                .paper("A paper", "https://example.org").params(ParamSpec.dt(100), ParamSpec.integer("n", 2, "Inputs."),
                        ParamSpec.timing());
    }

    @Test
    void theDescriptorCarriesItsMetadata() {
        TaskDescriptor d = go().build(Go::new);
        assertEquals("Go", d.name());
        assertEquals(1, d.version());
        assertEquals(List.of("motor", "simple"), d.tags());
        assertEquals("A paper", d.paperName());
        assertEquals(3, d.parameters().size());
        assertThrows(UnsupportedOperationException.class, () -> d.tags().add("x"));
    }

    @Test
    void createValidatesTheParameters() {
        TaskDescriptor d = go().build(Go::new);
        Env env = d.create(Map.of("n", 4L, "dt", 50));
        assertEquals(4, ((Box) env.observationSpace()).size());
        assertEquals(50.0, env.dt());
        ParameterException e = assertThrows(ParameterException.class, () -> d.create(Map.of("m", 4)));
        assertTrue(e.getMessage().contains("Go-v1") && e.getMessage().contains("did you mean 'n'"), e.getMessage());
    }

    /**
     * Values given are probed once on a throwaway copy (its first trials built); the same values
     * again skip the probe, other values are probed, and values that break a trial are refused every time.
     */
    @Test
    void theProbeOfGivenValuesRunsOncePerTaskAndValues() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        TaskDescriptor d = go().factory(p -> {
            made.incrementAndGet();
            return new Go(p);
        });
        d.create(Map.of("n", 3));
        assertEquals(2, made.get(), "the env and its probe");
        d.create(Map.of("n", 3L));
        d.create(Map.of("n", 3));
        assertEquals(4, made.get(), "the same values again: no probe");
        d.create(Map.of("n", 5));
        assertEquals(6, made.get(), "other values: probed");
        d.create(Map.of());
        assertEquals(7, made.get(), "defaults are never probed");

        java.util.concurrent.atomic.AtomicInteger trials = new java.util.concurrent.atomic.AtomicInteger();
        TaskDescriptor breaksLater = go().factory(p -> new Go(p) {
            @Override
            protected void onNewTrial(Trial trial) {
                if (trials.incrementAndGet() == 5) throw new IllegalStateException("trial 5 breaks");
                super.onNewTrial(trial);
            }
        });
        for (int i = 0; i < 2; i++) {
            trials.set(0);
            ParameterException e = assertThrows(ParameterException.class, () -> breaksLater.create(Map.of("n", 7)));
            assertEquals("n", e.key(), e.getMessage());
            assertTrue(e.getMessage().contains("trial 5 breaks"), e.getMessage());
        }
    }

    @Test
    void theFactorySeesDefaultsFilledIn() {
        AtomicReference<Params> seen = new AtomicReference<>();
        TaskDescriptor d = go().factory(p -> {
            seen.set(p);
            return new Go(p);
        });
        d.create(Map.of());
        assertEquals(2, seen.get().getInt("n"));
        assertEquals("Go-v1", seen.get().owner());
    }

    @Test
    void idsMustLookLikeNameDashVersion() {
        for (String bad : List.of("Go", "Go-1", "go-vX", "-v0", "1Go-v0", "Go v0-v0")) {
            assertThrows(IllegalArgumentException.class, () -> TaskDescriptor.builder(bad).build(Go::new), bad);
        }
        assertEquals("Perceptual.Decision_making", TaskDescriptor.builder("Perceptual.Decision_making-v12")
                .build(Go::new).name());
    }

    @Test
    void aParameterDeclaredTwiceIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> go().param(ParamSpec.integer("n", 3, "Again.")));
    }

    @Test
    void theWrapperBuilderSharesTheTaskBuildersSetters() {
        WrapperDescriptor w = WrapperDescriptor.builder("Clock").family("observation").description("Adds a clock.")
                .paper("A paper", "https://example.org").param(ParamSpec.number("scale", 1, "Scale.").positive())
                .accepts(WrapperDescriptor.Accepts.TRIAL_BASED).build((env, p) -> env);
        assertEquals(List.of("observation", "Adds a clock.", "A paper", "https://example.org", "scale"),
                List.of(w.family(), w.description(), w.paperName(), w.paperLink(), w.parameters().get(0).name()));
        assertEquals("trial-based envs with 1-D Box observations", w.accepts().description());
        assertThrows(IllegalArgumentException.class, () -> WrapperDescriptor.builder("Clock")
                .params(ParamSpec.number("scale", 1, "Scale."), ParamSpec.number("scale", 2, "Again.")));
        Env inner = go().build(Go::new).create(Map.of());
        assertEquals("scale", assertThrows(ParameterException.class, () -> w.wrap(inner, Map.of("scale", 0))).key());
    }

    @Test
    void aWrapperDescriptorValidatesItsParameters() {
        WrapperDescriptor w = WrapperDescriptor.of("Noise", null,
                List.of(ParamSpec.number("std", 0.1, "Noise level.")), (e, p) -> e);
        Env inner = go().build(Go::new).create(Map.of());
        assertEquals(inner, w.wrap(inner, Map.of("std", 1)));
        assertEquals("", w.description());
        ParameterException e = assertThrows(ParameterException.class, () -> w.wrap(inner, Map.of("sd", 1)));
        assertEquals("sd", e.key());
    }

    @Test
    void aWrapperThatMakesTasksRefusesOutsideAHost() {
        WrapperDescriptor w = new WrapperDescriptor("Schedule", "", List.of(),
                (env, params, maker) -> maker.make("Go-v1", Map.of()));
        Env inner = go().build(Go::new).create(Map.of());
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> w.wrap(inner, Map.of()));
        assertTrue(e.getMessage().contains("Go-v1"), e.getMessage());
        TaskDescriptor go = go().build(Go::new);
        Env made = w.wrap(inner, Map.of(), (id, params) -> go.create(params));
        assertEquals(2, ((Box) made.observationSpace()).size());
    }

    @Test
    void theContractDefaultsToExpectingEverything() {
        TaskDescriptor d = go().build(Go::new);
        assertEquals(ContractExpectations.DEFAULT, d.contract());
        assertEquals(0.99, d.contract().minOraclePerformance());
        TaskDescriptor lenient = go().contract(ContractExpectations.DEFAULT.withoutOracle("no ground truth"))
                .build(Go::new);
        assertEquals("no ground truth", lenient.contract().noOracleReason());
        assertEquals(0.99, lenient.contract().minOraclePerformance());
    }
}
