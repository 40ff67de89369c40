package org.neurogym.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.core.Host;
import org.neurogym.core.NeuroGym;

class RegistryTest {

    private static TaskDescriptor copyOf(TaskDescriptor d, String id) {
        return new TaskDescriptor(id, d.family(), d.tags(), d.description(), d.paperName(), d.paperLink(), d.parameters(), d.factory());
    }

    @Test
    void classpathHostFindsThePerceptualPlugin() {
        try (Host host = Host.classpath(getClass().getClassLoader())) {
            TaskEntry e = host.registry().task("PerceptualDecisionMaking-v0");
            assertEquals("perceptual", e.plugin());
            assertEquals("perceptual", e.descriptor().family());
            assertTrue(host.tags().contains("two-alternative"));
            assertTrue(host.tasks("perceptual").stream().anyMatch(t -> t.id().equals("PulseDecisionMaking-v0")));
            assertTrue(host.registry().plugins().stream().anyMatch(p -> p.id().equals("perceptual") && p.runtime().equals("classpath")));
        }
    }

    @Test
    void staticFacadeMakesEnvsWithParameters() {
        try (Env env = NeuroGym.make("PerceptualDecisionMaking-v0", Map.of("dim_ring", 4))) {
            assertEquals(5, ((Box) env.observationSpace()).size());
            assertEquals(5, ((Discrete) env.actionSpace()).n());
            assertEquals(100.0, env.dt());
        }
    }

    @Test
    void bareNameMeansTheLatestVersion() {
        Registry r = new Registry();
        TaskDescriptor pdm = NeuroGym.host().registry().task("PerceptualDecisionMaking-v0").descriptor();
        r.register("a", "1", "test", null, List.of(pdm, copyOf(pdm, "PerceptualDecisionMaking-v2")), List.of());
        assertEquals("PerceptualDecisionMaking-v2", r.task("PerceptualDecisionMaking").id());
        assertEquals("PerceptualDecisionMaking-v0", r.task("PerceptualDecisionMaking-v0").id());
    }

    @Test
    void unknownIdSuggestsTheNearestKnownIds() {
        UnknownIdException e = assertThrows(UnknownIdException.class,
                () -> NeuroGym.host().registry().task("PerceptualDecisionMakin-v0"));
        assertEquals("PerceptualDecisionMaking-v0", e.suggestions().get(0));
        assertTrue(e.getMessage().contains("did you mean PerceptualDecisionMaking-v0"), e.getMessage());
        UnknownIdException none = assertThrows(UnknownIdException.class, () -> NeuroGym.host().registry().task("Zzzzzz"));
        assertTrue(none.suggestions().isEmpty());
    }

    @Test
    void badParameterNamesTheKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> NeuroGym.make("PerceptualDecisionMaking-v0", Map.of("dim_rng", 3)));
        assertEquals("dim_rng", e.key());
        assertTrue(e.getMessage().contains("dim_ring"), e.getMessage());
        ParameterException t = assertThrows(ParameterException.class, () -> NeuroGym.make("PerceptualDecisionMaking-v0", Map.of("sigma", "loud")));
        assertEquals("sigma", t.key());
    }

    @Test
    void aSecondPluginClaimingATakenIdIsRefusedWholeAndTheFirstKeepsIt() {
        Registry r = new Registry();
        List<String> failures = new ArrayList<>();
        r.addListener(new RegistryListener() {
            @Override public void failed(PluginInfo p) { failures.add(p.id()); }
        });
        TaskDescriptor pdm = NeuroGym.host().registry().task("PerceptualDecisionMaking-v0").descriptor();
        TaskDescriptor pulse = NeuroGym.host().registry().task("PulseDecisionMaking-v0").descriptor();
        r.register("first", "1", "test", null, List.of(pdm), List.of());
        PluginInfo second = r.register("second", "1", "test", null, List.of(pdm, pulse), List.of());
        assertEquals("first", r.task("PerceptualDecisionMaking-v0").plugin());
        assertEquals(PluginInfo.State.FAILED, second.state());
        assertTrue(second.error().contains("PerceptualDecisionMaking-v0") && second.error().contains("plugin first"), second.error());
        assertTrue(second.tasks().isEmpty());
        assertTrue(!r.hasTask("PulseDecisionMaking-v0"), "nothing of the refused plugin registers");
        assertEquals(List.of("second"), failures, "reported once");
        assertEquals(PluginInfo.State.FAILED, r.plugins().stream().filter(p -> p.id().equals("second")).findFirst().orElseThrow().state());
    }

    @Test
    void anUnloadedPluginsIdsSaySoAndComeBackWithIt() {
        Registry r = new Registry();
        TaskDescriptor pdm = NeuroGym.host().registry().task("PerceptualDecisionMaking-v0").descriptor();
        r.register("p", "1.0", "test", java.nio.file.Path.of("p.jar"), List.of(pdm), List.of());
        r.unregister("p");
        UnknownIdException e = assertThrows(UnknownIdException.class, () -> r.task("PerceptualDecisionMaking-v0"));
        assertTrue(e.getMessage().contains("plugin p 1.0 that provided it was unloaded"), e.getMessage());
        UnknownIdException bare = assertThrows(UnknownIdException.class, () -> r.task("PerceptualDecisionMaking"));
        assertTrue(bare.getMessage().contains("was unloaded"), bare.getMessage());
        r.register("p", "1.1", "test", null, List.of(pdm), List.of());
        assertEquals("p", r.task("PerceptualDecisionMaking-v0").plugin());
    }

    @Test
    void unregisterRemovesEverythingOfThePluginAndTellsListeners() {
        Registry r = new Registry();
        List<String> events = new ArrayList<>();
        r.addListener(new RegistryListener() {
            @Override public void loaded(PluginInfo p) { events.add("loaded " + p.id()); }
            @Override public void unloaded(PluginInfo p) { events.add("unloaded " + p.id()); }
        });
        TaskDescriptor pdm = NeuroGym.host().registry().task("PerceptualDecisionMaking-v0").descriptor();
        r.register("p", "1", "test", null, List.of(pdm), List.of());
        assertTrue(r.hasTask("PerceptualDecisionMaking-v0"));
        r.unregister("p");
        assertTrue(r.tasks().isEmpty());
        assertThrows(UnknownIdException.class, () -> r.task("PerceptualDecisionMaking-v0"));
        assertEquals(List.of("loaded p", "unloaded p"), events);
        assertNull(r.plugins().stream().filter(p -> p.id().equals("p")).findFirst().orElse(null));
    }
}
