package org.neurogym.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.space.Box;
import org.neurogym.api.spi.EnvMaker;

class ScheduleEnvsTest {
    /** Makes tasks by id, each wrapped to show a constant observation: env j shows j + 1. */
    private static EnvMaker constantMaker(List<TrialEnv> made) {
        return (id, params) -> {
            TrialEnv task = (TrialEnv) Fixtures.MAKER.make(id, params);
            made.add(task);
            return new Fixtures.ConstantObservation(task, made.size() + 1);
        };
    }

    private static ScheduleEnvs scheduled(String schedule, boolean envInput, List<TrialEnv> made) {
        Env first = new Fixtures.ConstantObservation(Fixtures.pdm(), 1);
        return (ScheduleEnvs) ScheduleEnvs.DESCRIPTOR.wrap(first, Map.of("envs",
                        List.of("DelayMatchSample-v0", Map.of("name", "PerceptualDecisionMaking-v0", "cohs", List.of(51.2))),
                        "schedule", schedule, "env_input", envInput),
                constantMaker(made));
    }

    @Test
    void eachTrialComesFromTheScheduledEnvWithItsOneHotInput() {
        ScheduleEnvs env = scheduled("Random", true, new ArrayList<>());
        assertEquals(3, env.envCount());
        Box space = (Box) env.observationSpace();
        assertEquals(6, space.size());
        assertArrayEquals(new int[] {3, 4, 5}, space.channel("env"));
        env.reset(0);
        for (int k = 0; k < 30; k++) {
            env.newTrial(Map.of());
            float[] m = env.trialObservations();
            int i = env.currentEnv();
            for (int t = 0; t < env.trialLength(); t++) {
                for (int c = 0; c < 3; c++) assertEquals(i + 1f, m[t * 6 + c], "observations come from env " + i);
                for (int c = 0; c < 3; c++) assertEquals(c == i ? 1f : 0f, m[t * 6 + 3 + c], "one-hot names env " + i);
            }
        }
    }

    @Test
    void steppingFollowsTheScheduleAndShowsTheCurrentEnv() {
        List<TrialEnv> made = new ArrayList<>();
        ScheduleEnvs env = scheduled("Sequential", true, made);
        float[] ob = env.reset(3).clone();
        List<Integer> order = new ArrayList<>();
        order.add(env.currentEnv());
        for (int i = 0; i < 3000; i++) {
            int cur = env.currentEnv();
            assertEquals(cur + 1f, ob[0], "observation of env " + cur);
            assertEquals(1f, ob[3 + cur]);
            StepResult r = env.step(i % 3);
            ob = r.observation().clone();
            if (r.newTrial()) {
                order.add(env.currentEnv());
                assertTrue(r.trial() == env.trial(), "the step reports the new trial");
            }
        }
        assertTrue(order.size() > 30);
        for (int k = 0; k < order.size(); k++) assertEquals(k % 3, order.get(k), "sequential order");
        assertEquals(2, made.size());
    }

    @Test
    void resetResetsEveryEnvSoThatStepWorksAndIsReproducible() {
        ScheduleEnvs a = scheduled("Random", true, new ArrayList<>());
        ScheduleEnvs b = scheduled("Random", true, new ArrayList<>());
        assertArrayEquals(a.reset(12), b.reset(12));
        for (int i = 0; i < 2000; i++) {
            StepResult ra = a.step(i % 3);
            StepResult rb = b.step(i % 3);
            assertArrayEquals(ra.observation(), rb.observation());
            assertEquals(ra.reward(), rb.reward());
            assertEquals(a.currentEnv(), b.currentEnv());
        }
    }

    @Test
    void withoutEnvInputTheObservationKeepsItsSize() {
        ScheduleEnvs env = scheduled("Random", false, new ArrayList<>());
        assertEquals(3, ((Box) env.observationSpace()).size());
        assertEquals(3, env.reset(0).length);
        assertEquals(3, env.step(0).observation().length);
    }

    @Test
    void passActionOverScheduleEnvsKeepsItsMatrixCurrent() {
        ScheduleEnvs sched = scheduled("Sequential", true, new ArrayList<>());
        PassAction env = new PassAction(sched);
        assertEquals(7, ((Box) env.observationSpace()).size());
        float[] ob = env.reset(1).clone();
        for (int i = 0; i < 1000; i++) {
            int t = env.stepIndex();
            float[] row = java.util.Arrays.copyOfRange(env.trialObservations(), t * 7, t * 7 + 6);
            assertArrayEquals(row, java.util.Arrays.copyOf(ob, 6), "step " + i);
            StepResult r = env.step(0);
            ob = r.observation().clone();
            assertEquals(0f, ob[6]);
        }
    }

    @Test
    void envsMustShareSizes() {
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> ScheduleEnvs.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("envs", List.of("DelayComparison-v0"), "schedule", "Random"), Fixtures.MAKER));
        assertTrue(e.getMessage().contains("ScheduleEnvs") && e.getMessage().contains("DelayComparison"), e.getMessage());
        NeuroGymException host = assertThrows(NeuroGymException.class, () -> ScheduleEnvs.DESCRIPTOR.wrap(Fixtures.pdm(),
                Map.of("envs", List.of("DelayMatchSample-v0"), "schedule", "Random")));
        assertTrue(host.getMessage().contains("DelayMatchSample"), host.getMessage());
    }

    @Test
    void multiEnvsSwitchesAtTheNextTrial() {
        List<TrialEnv> made = new ArrayList<>();
        MultiEnvs env = (MultiEnvs) MultiEnvs.DESCRIPTOR.wrap(new Fixtures.ConstantObservation(Fixtures.pdm(), 1),
                Map.of("envs", List.of("DelayMatchSample-v0"), "env_input", true), constantMaker(made));
        float[] ob = env.reset(0);
        assertEquals(0, env.currentEnv());
        assertEquals(1f, ob[0]);
        assertEquals(1f, ob[3]);
        env.setEnv(1);
        assertEquals(0, env.currentEnv(), "the current trial is not split");
        StepResult r;
        do {
            r = env.step(0);
            if (!r.newTrial()) assertEquals(1f, r.observation()[0]);
        } while (!r.newTrial());
        assertEquals(1, env.currentEnv());
        assertEquals(2f, r.observation()[0]);
        assertEquals(1f, r.observation()[4]);
        assertNotEquals(made.get(0).trial(), null);
    }
}
