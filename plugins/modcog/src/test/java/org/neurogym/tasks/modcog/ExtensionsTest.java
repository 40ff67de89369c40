package org.neurogym.tasks.modcog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

class ExtensionsTest {
    private static final int RING = 16;
    private static final int OB = 33;

    private static TrialBased make(String name) {
        TaskDescriptor d = ModCog.tasks().stream().filter(t -> t.id().equals("modcog." + name + "-v0")).findFirst().orElseThrow();
        Env env = d.create(Map.of());
        env.reset(7);
        return (TrialBased) env;
    }

    private static int direction(double theta) {
        return Math.floorMod((int) Math.round(theta * RING / (2 * Math.PI)), RING);
    }

    private static int delaySteps(TrialEnv task) {
        return task.periodEnd("delay") - task.periodStart("delay");
    }

    @Test
    void seqMovesTheAnswerOneRingStepPer100msClockwiseForRAndBackForL() {
        for (int seq : new int[] {1, -1}) {
            TrialBased env = make(seq > 0 ? "dm2seqr" : "dm2seql");
            for (int k = 0; k < 50; k++) {
                Trial trial = env.newTrial(Map.of());
                TrialEnv task = env.task();
                int start = task.periodStart("decision");
                assertEquals(10, task.periodEnd("decision") - start, "seq decisions last 1000 ms");
                int first = trial.getInt("ground_truth");
                assertEquals(first, trial.getInt("answer"));
                int[] gt = env.trialGroundTruth();
                for (int t = start; t < task.periodEnd("decision"); t++) {
                    assertEquals(1 + Math.floorMod(first + seq * (t - start), RING), gt[t], "step " + t);
                }
            }
        }
    }

    @Test
    void intRotatesTheDecisionAnswerByOneStepPer100msOfItsFixed500msDelay() {
        for (int sign : new int[] {1, -1}) {
            TrialBased env = make(sign > 0 ? "ctxdlydm1intr" : "ctxdlydm1intl");
            for (int k = 0; k < 50; k++) {
                Trial trial = env.newTrial(Map.of());
                assertEquals(5, delaySteps(env.task()));
                int expected = Math.floorMod(trial.getInt("ground_truth") + sign * 5, RING);
                assertEquals(expected, trial.getInt("answer"));
                assertEquals(1 + expected, env.trialGroundTruth()[env.task().periodStart("decision")]);
            }
        }
    }

    @Test
    void intMatchingDrawsADelayPerTrialAndRotatesTheGoAnswerByIt() {
        TrialBased env = make("dmsintl");
        Set<Integer> delays = new HashSet<>();
        int goTrials = 0;
        for (int k = 0; k < 300; k++) {
            Trial trial = env.newTrial(Map.of());
            int delay = delaySteps(env.task());
            delays.add(delay);
            int atDecision = env.trialGroundTruth()[env.task().periodStart("decision")];
            if ("match".equals(trial.get("ground_truth"))) {
                goTrials++;
                int expected = Math.floorMod(direction(trial.getDouble("test_theta")) - delay, RING);
                assertEquals(1 + expected, atDecision);
            } else {
                assertEquals(0, atDecision, "a no-go trial is never rotated");
                assertEquals(-1, trial.getInt("answer"));
            }
        }
        assertEquals(12, delays.size(), "delays 0..1100 ms in steps of 100: " + delays);
        assertTrue(goTrials > 100 && goTrials < 200, "match and non-match both drawn: " + goTrials);
    }

    @Test
    void intReachShowsTheStimulusRotatedByTheDelayAndExpectsTheShownDirectionUnrotated() {
        for (String name : new String[] {"dlygointr", "dlyantiintl"}) {
            TrialBased env = make(name);
            double sign = name.endsWith("r") ? 1 : -1;
            boolean anti = name.startsWith("dlyanti");
            for (int k = 0; k < 40; k++) {
                Trial trial = env.newTrial(Map.of());
                TrialEnv task = env.task();
                int direction = trial.getInt("ground_truth");
                double delayMs = delaySteps(task) * task.dt();
                double expected = 2 * Math.PI * direction / RING + sign * 0.01 * delayMs + (anti ? Math.PI : 0);
                double shown = trial.getDouble("stim_theta");
                assertEquals(0, Math.sin((shown - expected) / 2), 1e-9, name + " stimulus at " + shown + ", expected " + expected);
                // the bump drawn in the trial's modality peaks at 0.8 exp(-d^2/2) around the shown direction
                int from = 1 + RING * trial.getInt("modality");
                float[] ob = env.trialObservations();
                int t = task.periodStart("stimulus");
                for (int i = 0; i < RING; i++) {
                    assertEquals(RingExtension.gaussianBump(shown, 2 * Math.PI * i / RING), ob[t * OB + from + i], 1e-6);
                }
                assertEquals(1 + direction, env.trialGroundTruth()[task.periodStart("decision")]);
            }
        }
    }

    @Test
    void theLastDirectionIsAnAnswerNotFixation() {
        TrialBased env = make("goseqr");
        Trial trial = env.newTrial(Map.of("ground_truth", RING - 1));
        int start = env.task().periodStart("decision");
        assertEquals(RING, env.trialGroundTruth()[start]);
        assertEquals(1, env.trialGroundTruth()[start + 1], "one step on, the answer wraps to direction 0");
        assertEquals(RING - 1, trial.getInt("answer"));
    }

    @Test
    void modCogTimingsWhereTheyDifferFromYang19() {
        assertEquals(0, delaySteps(make("go").task()), "go has no delay (Mod-Cog's dly flag had no effect)");
        assertEquals(5, delaySteps(make("dlygo").task()));
        assertEquals(Timing.constant(500), make("dm1").task().timing().get("stimulus"));
        assertEquals(Timing.constant(500), make("multidlydm").task().timing().get("delay"));
        assertEquals(Timing.uniform(200, 1200), make("dnmc").task().timing().get("delay"));
        assertEquals(Timing.constant(500), make("rtgoseql").task().timing().get("decision"), "reaction tasks keep their decision");
    }
}
