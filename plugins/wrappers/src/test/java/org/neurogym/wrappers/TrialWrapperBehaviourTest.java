package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperProvider;

/** The reference's reset/step tests of a trial wrapper, wrap-time errors and the provider. */
class TrialWrapperBehaviourTest {

    @Test
    void aTrialWrappersObservationIsVisibleInNewTrialResetAndStep() {
        Fixtures.ConstantObservation env = new Fixtures.ConstantObservation(Fixtures.pdm(), 0.25f);
        env.newTrial(Map.of());
        for (int c = 0; c < 3; c++) assertEquals(0.25f, env.trialObservations()[c]);
        float[] ob = env.reset(1);
        for (float v : ob) assertEquals(0.25f, v);
        for (int i = 0; i < 100; i++) {
            StepResult r = env.step(i % 3);
            for (float v : r.observation()) assertEquals(0.25f, v);
        }
    }

    @Test
    void trialWrappersOnANonTrialEnvNameTheWrapperAndTheEnv() {
        for (Function<Env, Env> wrap : List.<Function<Env, Env>>of(e -> new Noise(e, 0.1), PassReward::new, PassAction::new,
                e -> new ReactionTime(e, 0, true), e -> new SideBias(e, new double[][] {{0.5, 0.5}}, 10),
                e -> new RandomGroundTruth(e, (double[]) null), e -> new TrialHistory(e, (double[][]) null))) {
            NeuroGymException ex = assertThrows(NeuroGymException.class, () -> wrap.apply(new Fixtures.Bare()));
            assertTrue(ex.getMessage().contains("Bare") && ex.getMessage().contains("trial"), ex.getMessage());
        }
        NeuroGymException ex = assertThrows(NeuroGymException.class, () -> new Noise(new Fixtures.Bare(), 0.1));
        assertTrue(ex.getMessage().startsWith("Noise"), ex.getMessage());
    }

    @Test
    void aRefusedSideBiasLeavesTheTaskUntouched() {
        var task = Fixtures.pdm();
        assertThrows(NeuroGymException.class, () -> new SideBias(task, new double[][] {{0.2, 0.3, 0.5}}, 10));
        task.reset(0);
        assertTrue(task.trial().has("ground_truth"));
        assertTrue(!task.trial().has("probs"), "SideBias is not the top of the task");
    }

    @Test
    void theProviderListsEveryStandardWrapper() {
        List<String> ids = ServiceLoader.load(WrapperProvider.class).stream()
                .flatMap(p -> p.get().wrappers().stream()).map(WrapperDescriptor::id).toList();
        assertEquals(List.of("Noise", "PoissonSpikes", "PassReward", "PassAction", "ReactionTime", "SideBias", "RandomGroundTruth",
                "TrialHistory", "ScheduleAttr", "ScheduleEnvs", "MultiEnvs", "Curriculum"), ids);
        for (WrapperDescriptor d : new StandardWrappers().wrappers()) assertTrue(!d.description().isBlank(), d.id());
    }

    @Test
    void stackedWrappersAreReproducible() {
        Env a = new PassReward(new Noise(new SideBias(Fixtures.pdm(), new double[][] {{0.9, 0.1}, {0.1, 0.9}}, 0.2), 0.1));
        Env b = new PassReward(new Noise(new SideBias(Fixtures.pdm(), new double[][] {{0.9, 0.1}, {0.1, 0.9}}, 0.2), 0.1));
        assertTrue(java.util.Arrays.equals(a.reset(5), b.reset(5)));
        for (int i = 0; i < 500; i++) {
            assertTrue(java.util.Arrays.equals(a.step(i % 3).observation(), b.step(i % 3).observation()), "step " + i);
        }
    }
}
