package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/** Gymnasium-style hooks: a wrapper overrides what it changes; the plumbing is the api's. */
class WrapperHooksTest {

    /** Two periods; the stimulus channel holds the step index, so rows are told apart; action 1 in "decision" ends the trial. */
    static ToyTask task() {
        return new ToyTask(100, Box.unbounded(2, Channel.of("fixation", 0), Channel.of("stimulus", 1)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("choice", 1)), "fixation", 300, "decision", 200)
                .onTrial((t, trial) -> {
                    t.addPeriods("fixation", "decision");
                    t.addOb(1, "fixation", "fixation");
                    float[] ob = t.ob();
                    for (int s = 0; s < t.trialLength(); s++) ob[s * 2 + 1] = s + t.rng.integer(1000) / 1000f;
                    t.setGroundTruth(1, "decision");
                })
                .onStep((t, action, out) -> {
                    if (action == 1 && t.inPeriod("decision")) {
                        out.setNewTrial(true);
                        out.setReward(1);
                    }
                });
    }

    /** Appends channel "clock" (the step within the trial) and doubles the stimulus. */
    static final class Clock extends ObservationWrapper {
        final int clock;

        Clock(Env env) {
            super(env);
            clock = addChannel("clock", 1);
        }

        @Override
        protected void observation(float[] ob, int at, int step) {
            ob[at + 1] *= 2;
            ob[at + clock] = step;
        }
    }

    /** Every hook of Wrapper, logged. */
    static final class Logging extends Wrapper {
        final List<String> log = new ArrayList<>();

        Logging(Env env) {
            super(env);
        }

        @Override
        protected void onReset() {
            log.add("reset");
        }

        @Override
        protected int action(int action) {
            log.add("action " + action);
            return 1 - action;
        }

        @Override
        protected double reward(double reward) {
            log.add("reward " + reward);
            return reward * 10;
        }

        @Override
        protected void onStep(StepResult result) {
            log.add("step " + result.reward());
        }
    }

    @Test
    void anAddedChannelExtendsTheSpaceResetTheMatrixAndEveryStep() {
        Clock env = new Clock(task());
        Box space = env.observationSpace();
        assertEquals(3, space.size());
        assertArrayEquals(new int[] {2}, space.channel("clock"));
        assertArrayEquals(new int[] {1}, space.channel("stimulus"));
        float[] ob = env.reset(5);
        assertEquals(3, ob.length);
        for (int i = 0; i < 40; i++) {
            float[] m = env.trialObservations();
            int row = env.stepIndex() * 3;
            assertArrayEquals(Arrays.copyOfRange(m, row, row + 3), ob, "step " + i);
            assertEquals(env.stepIndex(), ob[2]);
            assertEquals(2 * env.task().trialObservations()[env.stepIndex() * 2 + 1], ob[1]);
            ob = env.step(i % 3 == 0 ? 1 : 0).observation();
        }
    }

    @Test
    void theHooksRunInGymnasiumsOrder() {
        Logging env = new Logging(task());
        env.reset(1);
        env.step(1); // fixation period: the task sees 0
        env.step(0); // still fixation: the task sees 1, no reward
        env.step(1);
        env.step(0); // decision: the task sees 1 and ends the trial with reward 1
        assertEquals(List.of("reset", "action 1", "reward 0.0", "step 0.0", "action 0", "reward 0.0", "step 0.0",
                "action 1", "reward 0.0", "step 0.0", "action 0", "reward 1.0", "step 10.0"), env.log);
    }

    /** Draws one number from its own stream per trial, into fact "draw". */
    static final class Drawing extends TrialWrapper {
        Drawing(Env env) {
            super(env);
        }

        @Override
        protected Map<String, ?> trialFacts(Map<String, ?> given) {
            Map<String, Object> facts = new HashMap<>(given);
            facts.put("draw", rng().integer(1_000_000));
            return facts;
        }
    }

    @Test
    void aWrappersStreamComesFromTheEpisodeSeedAndItsPlaceInTheStack() {
        Drawing a = new Drawing(task());
        Drawing b = new Drawing(task());
        Drawing inner = new Drawing(task());
        Drawing outer = new Drawing(inner);
        a.reset(3);
        b.reset(3);
        outer.reset(3);
        assertEquals(a.trial().get("draw"), b.trial().get("draw"));
        assertEquals(a.trial().get("draw"), firstDraw(3, 0));
        assertNotEquals(firstDraw(3, 0), firstDraw(3, 1), "two wrappers of one kind draw different numbers");
        b.reset(4);
        assertNotEquals(a.trial().get("draw"), b.trial().get("draw"));
        // the task's own draws do not depend on the wrapper
        ToyTask bare = task();
        bare.reset(3);
        assertArrayEquals(Arrays.copyOf(bare.trialObservations(), 6), Arrays.copyOf(a.trialObservations(), 6));
    }

    /** The first draw of a wrapper {@code depth} layers above a task, from episode seed {@code seed}. */
    private static int firstDraw(long seed, int depth) {
        Env env = task();
        for (int i = 0; i < depth; i++) env = new Wrapper(env) {};
        Drawing d = new Drawing(env);
        d.reset(seed);
        return (Integer) d.trial().get("draw");
    }

    @Test
    void aRefusedTrialWrapperLeavesTheEnvAsItWas() {
        ToyTask t = task();
        Drawing first = new Drawing(t);
        assertThrows(NeuroGymException.class, () -> new TrialWrapper(first, () -> {
            throw new NeuroGymException("no");
        }) {});
        first.reset(1);
        assertTrue(first.trial().has("draw"), "the first wrapper is still the top");
    }

    @Test
    void anObservationWrapperNeedsAFlatBox() {
        Env t = new Wrapper(task()) {
            @Override
            public Box observationSpace() {
                return new Box(new int[] {1, 2}, new float[2], new float[2]);
            }
        };
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> new Clock(t));
        assertTrue(e.getMessage().contains("1-D Box"), e.getMessage());
    }

    @Test
    void declaredChoicesAreWhatWrappersRead() {
        ToyTask t = task();
        assertEquals(null, t.choices());
        t.defineChoices(0, "choice");
        assertEquals(Choices.numbered(0, 1), Choices.of("W", new Drawing(t)));
        NeuroGymException e = assertThrows(NeuroGymException.class, () -> Choices.of("W", task()));
        assertEquals("W needs a task that declares its choices, but ToyTask declares none", e.getMessage());
        assertSame(1, Choices.of("W", t).count());
    }
}
