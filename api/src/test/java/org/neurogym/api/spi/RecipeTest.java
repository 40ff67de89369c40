package org.neurogym.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.Recipe;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.Wrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.space.Box;

/** The descriptors record how they made each layer, and a recipe makes it again with other parameters. */
class RecipeTest {
    private static final TaskDescriptor GO = TaskDescriptor.builder("Go-v1").params(ParamSpec.dt(100), ParamSpec.integer("n", 2, "Inputs."),
            ParamSpec.timing()).build(TaskDescriptorTest.Go::new);

    /** Adds a constant to the reward. */
    static final class Bonus extends Wrapper {
        final double bonus;

        Bonus(Env env, double bonus) {
            super(env);
            this.bonus = bonus;
        }

        @Override
        protected double reward(double reward) {
            return reward + bonus;
        }
    }

    private static final WrapperDescriptor BONUS = WrapperDescriptor.of("Bonus", "Adds a bonus.",
            List.of(ParamSpec.number("bonus", 1, "The bonus.")), (env, p) -> new Bonus(env, p.getDouble("bonus")));

    @Test
    void aTaskRecordsItsIdAndTheParametersGivenAndIsRemadeWithOthers() {
        TrialEnv task = (TrialEnv) GO.create(Map.of("n", 3));
        Recipe r = task.recipe();
        assertEquals("Go-v1", r.id());
        assertTrue(r.task());
        assertEquals(Map.of("n", 3), r.params());
        Env again = r.make(null, Map.of("n", 5));
        assertEquals(5, ((Box) again.observationSpace()).size());
        assertEquals(Map.of("n", 5), ((TrialEnv) again).recipe().params(), "the remade task records its own recipe");
    }

    @Test
    void aWrapperRecordsItsRecipeAndIsRemadeOverAnotherEnv() {
        Bonus wrapped = (Bonus) BONUS.wrap(GO.create(Map.of()), Map.of("bonus", 2.0));
        Recipe r = wrapped.recipe();
        assertEquals("Bonus", r.id());
        assertTrue(!r.task());
        Env other = GO.create(Map.of());
        Bonus again = (Bonus) r.make(other, Map.of("bonus", 0.5));
        assertSame(other, again.inner());
        assertEquals(0.5, again.bonus);
    }

    @Test
    void aWrapperThatReturnsTheEnvLeavesItsRecipeAlone() {
        WrapperDescriptor nothing = WrapperDescriptor.of("Nothing", "Returns the env.", List.of(), (env, p) -> env);
        Env task = GO.create(Map.of("n", 4));
        assertSame(task, nothing.wrap(task, Map.of()));
        assertEquals("Go-v1", ((TrialEnv) task).recipe().id());
    }

    @Test
    void anEnvMadeDirectlyHasNoRecipe() {
        assertNull(new Bonus(GO.create(Map.of()), 1).recipe());
        assertNotSame(null, GO.create(Map.of()));
    }

    /** One-step trials whose performance is the action taken. */
    static final class Judged extends TrialEnv {
        Judged() {
            super(100);
            defineTiming(null, "go", 100);
            defineSpaces(Box.unbounded(1), new org.neurogym.api.space.Discrete(2));
        }

        @Override
        protected void onNewTrial(org.neurogym.api.Trial trial) {
            addPeriod("go");
        }

        @Override
        protected void onStep(int action, StepResult out) {
            performance = action;
        }
    }

    @Test
    void endedTrialPerformanceIsReadableWhileTheNextTrialIsBuilt() {
        Judged task = new Judged();
        double[] seen = {Double.NaN};
        // a trial wrapper reads it when the task asks it for the next trial
        Env top = new org.neurogym.api.TrialWrapper(task) {
            @Override
            protected void onNewTrial(org.neurogym.api.Trial trial) {
                seen[0] = task.endedTrialPerformance();
            }
        };
        top.reset(1);
        assertEquals(0, seen[0], "before any trial ended");
        for (int action : new int[] {1, 0, 1, 1}) {
            StepResult r = top.step(action);
            assertTrue(r.newTrial(), "a one-step trial");
            assertEquals(action, seen[0], "the performance of the trial that just ended");
        }
    }
}
