package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/** reset(seed) reproduces a whole run; the length statistics use their own stream. */
class SeedingTest {

    private static final double[] COHERENCES = {0, 6.4, 12.8, 25.6};

    /** A small perceptual decision task: random side and coherence, random stimulus length, noisy inputs. */
    static ToyTask decisionTask() {
        Box ob = Box.unbounded(3, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3));
        Discrete act = new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3));
        return new ToyTask(100, ob, act,
                "fixation", 200, "stimulus", java.util.List.of("uniform", java.util.List.of(200, 600)), "decision", 100)
                .onTrial((t, trial) -> {
                    int side = trial.setDefault("ground_truth", t.rng.integer(2));
                    double coh = trial.setDefault("coh", t.rng.choice(COHERENCES));
                    t.addPeriods("fixation", "stimulus", "decision");
                    t.addOb(1, "fixation", "fixation");
                    t.addOb(1, "stimulus", "fixation");
                    double[] stim = side == 0 ? new double[] {1 + coh / 100, 1 - coh / 100}
                            : new double[] {1 - coh / 100, 1 + coh / 100};
                    t.addOb(stim, "stimulus", "stimulus");
                    t.addRandn(0, 0.3, "stimulus", "stimulus");
                    t.setGroundTruth(side, "decision", "choice");
                })
                .onStep((t, action, out) -> {
                    if (t.inPeriod("decision")) {
                        out.setNewTrial(true);
                        if (action == t.gtNow()) {
                            out.setReward(1);
                            t.performance = 1;
                        }
                    } else if (action != 0) {
                        out.setNewTrial(true);
                        out.setReward(-0.1);
                    }
                });
    }

    /** What a run shows: observations, trial facts, rewards and ground truth, as text for easy comparison. */
    record Run(List<String> observations, List<Map<String, Object>> trials, List<Double> rewards, List<Integer> gts) {}

    static Run run(Env env, Long seed, long agentSeed, int steps) {
        Agent agent = Agents.random(env.actionSpace(), agentSeed);
        List<String> obs = new ArrayList<>();
        List<Map<String, Object>> trials = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        List<Integer> gts = new ArrayList<>();
        float[] ob = seed == null ? env.reset() : env.reset(seed);
        obs.add(Arrays.toString(ob));
        trials.add(Map.copyOf(((TrialBased) env).trial().asMap()));
        for (int i = 0; i < steps; i++) {
            StepResult r = env.step(agent.act(ob));
            ob = r.observation();
            obs.add(Arrays.toString(ob));
            rewards.add(r.reward());
            gts.add(r.groundTruth());
            if (r.newTrial()) trials.add(Map.copyOf(r.trial().asMap()));
        }
        return new Run(obs, trials, rewards, gts);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        ToyTask env = decisionTask();
        Run first = run(env, 42L, 7, 300);
        Run again = run(env, 42L, 7, 300); // same env, after a whole run
        Run fresh = run(decisionTask(), 42L, 7, 300);
        assertEquals(first, again);
        assertEquals(first, fresh);
        assertTrue(first.trials().size() > 20, "the run spans many trials");
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        Run a = run(decisionTask(), 1L, 7, 300);
        Run b = run(decisionTask(), 2L, 7, 300);
        assertNotEquals(a.observations(), b.observations());
        assertNotEquals(a.trials(), b.trials());
    }

    @Test
    void theAgentSeedIsIndependentOfTheEnvSeed() {
        Run a = run(decisionTask(), 1L, 7, 300);
        Run b = run(decisionTask(), 1L, 8, 300);
        assertEquals(a.observations().get(0), b.observations().get(0), "the first observation depends on the env only");
        assertNotEquals(a.rewards(), b.rewards());
    }

    @Test
    void trialLengthStatsDoesNotDisturbTheEnvStream() {
        // run A: seeded, some steps, a reset without seed (continuing the stream), more steps
        ToyTask a = decisionTask();
        run(a, 11L, 3, 40);
        Run continuedA = run(a, null, 4, 200);
        // run B: the same, with the statistics sampled in between
        ToyTask b = decisionTask();
        run(b, 11L, 3, 40);
        TrialLengthStats stats = b.trialLengthStats(500, 99);
        assertTrue(stats.mean() > 6 && stats.mean() < 10, "stats " + stats);
        Run continuedB = run(b, null, 4, 200);
        assertEquals(continuedA, continuedB);
        // the continuation really continued the stream (it is not a fresh seed-11 run)
        assertNotEquals(run(decisionTask(), 11L, 4, 200).observations(), continuedA.observations());
    }

    @Test
    void trialLengthStatsBeforeASeededResetChangesNothing() {
        ToyTask a = decisionTask();
        ToyTask b = decisionTask();
        b.trialLengthStats(300, 5);
        assertEquals(run(a, 3L, 1, 150), run(b, 3L, 1, 150));
    }

    @Test
    void anUnseededResetSeedsItselfAndStillRuns() {
        ToyTask env = decisionTask();
        Run r = run(env, null, 1, 50);
        assertEquals(51, r.observations().size());
    }

    @Test
    void reseedingAnRngRestartsItsStream() {
        Rng rng = new Rng(5);
        double[] first = {rng.uniform(), rng.gaussian(), rng.integer(10), rng.exponential(2)};
        rng.reseed(5);
        double[] second = {rng.uniform(), rng.gaussian(), rng.integer(10), rng.exponential(2)};
        assertEquals(Arrays.toString(first), Arrays.toString(second));
        assertNotEquals(Rng.derive(5, 0), Rng.derive(5, 1));
        assertEquals(Rng.derive(5, 0), Rng.derive(5, 0));
    }

    @Test
    void stateKeptAcrossTrialsIsClearedByTheResetHook() {
        // a block of trials whose side alternates, a counter the task keeps across trials
        int[] block = {0};
        List<Integer> resets = new ArrayList<>();
        ToyTask env = decisionTask();
        ToyTask.TrialBody inner = env.trialBody;
        env.onTrial((t, trial) -> {
            trial.setDefault("ground_truth", block[0]++ % 2);
            inner.build(t, trial);
        }).onResetDo(t -> {
            resets.add(t.trialCount());
            block[0] = 0;
        });
        Run first = run(env, 5L, 2, 120);
        Run second = run(env, 5L, 2, 120);
        assertEquals(first, second);
        assertEquals(List.of(0, 0), resets, "called once per reset, before the first trial");
        for (int i = 0; i < first.trials().size(); i++) {
            assertEquals(i % 2, first.trials().get(i).get("ground_truth"), "trial " + i);
        }
    }
}
