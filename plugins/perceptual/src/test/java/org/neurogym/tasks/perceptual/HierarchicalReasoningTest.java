package org.neurogym.tasks.perceptual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurogym.api.StepResult;

class HierarchicalReasoningTest {

    private static HierarchicalReasoning make() {
        return Probe.make(HierarchicalReasoning.DESCRIPTOR);
    }

    /**
     * The threshold is the median delay, 850 ms (the reference takes the median of the second
     * option alone, 610 ms, under which 700 ms would count as long).
     */
    @ParameterizedTest
    @CsvSource({
        "900, 1, 0, true, 3", "900, 0, 0, false, 4", "700, 1, 0, false, 4", "700, 0, 0, true, 3",
        "700, 0, 1, true, 4", "1100, 1, 1, true, 4", "600, 1, 1, false, 3"})
    void theRuleAndDelayDecideTheChoice(double interval, int rule, int stimulus, boolean pro, int choiceAction) {
        HierarchicalReasoning env = make();
        Probe.start(env, 1, Map.of("interval", interval, "rule", rule, "stimulus", stimulus));
        assertEquals(interval > 850, env.trial().get("long_interval"));
        assertEquals(pro, env.trial().get("pro_choice"));
        // the delay shown is the interval judged
        assertEquals((int) (interval / 100), env.periodEnd("delay") - env.periodStart("delay"));
        for (int t = env.periodStart("decision"); t < env.trialLength(); t++) assertEquals(choiceAction, Probe.gt(env, t));
        for (int t = env.periodStart("rule_target"); t < env.periodEnd("rule_target"); t++) {
            assertEquals(1 + rule, Probe.gt(env, t));
            assertEquals(1f, Probe.ob(env, t, 1));
            assertEquals(1f, Probe.ob(env, t, 2));
        }
        int location = 3 + stimulus;
        assertEquals(1f, Probe.ob(env, env.periodStart("flash1"), location));
        assertEquals(1f, Probe.ob(env, env.periodStart("flash2"), location));
        assertEquals(0f, Probe.ob(env, env.periodStart("flash1"), 7 - location));
    }

    @Test
    void aCorrectTrialNeedsTheRuleReportAndTheChoice() {
        HierarchicalReasoning env = make();
        Map<String, Object> facts = Map.of("interval", 900.0, "rule", 1, "stimulus", 0);

        // rule 1 is reported with action 2; report rule 0 (action 1) instead
        Probe.start(env, 2, facts);
        Probe.fixateUntil(env, "rule_target");
        while (env.stepIndex() < env.periodEnd("rule_target")) assertEquals(0.0, env.step(1).reward()); // no abort cost here
        Probe.fixateUntil(env, "decision");
        StepResult r = env.step(3);
        assertTrue(r.newTrial());
        assertEquals(0.0, r.reward(), 1e-12); // right choice, wrong rule: fail
        assertEquals(0.0, r.performance());

        // the last step of the rule target counts
        Probe.start(env, 3, facts);
        Probe.fixateUntil(env, "rule_target");
        while (env.stepIndex() < env.periodEnd("rule_target") - 1) env.step(1);
        env.step(2);
        Probe.fixateUntil(env, "decision");
        r = env.step(3);
        assertEquals(1.0, r.reward(), 1e-12);
        assertEquals(1.0, r.performance());

        // right rule, wrong choice
        Probe.start(env, 3, facts);
        Probe.fixateUntil(env, "rule_target");
        while (env.stepIndex() < env.periodEnd("rule_target")) env.step(2);
        Probe.fixateUntil(env, "decision");
        r = env.step(4);
        assertEquals(0.0, r.reward(), 1e-12);
        assertEquals(0.0, r.performance());

        Probe.start(env, 4, facts);
        StepResult broke = env.step(1);
        assertEquals(-0.1, broke.reward(), 1e-12);
    }

    @Test
    void rulesAlternateInBlocksOfTenToTwentyTrials() {
        HierarchicalReasoning env = make();
        env.reset(11);
        List<Integer> rules = new ArrayList<>();
        rules.add(env.trial().getInt("rule"));
        for (int i = 0; i < 400; i++) rules.add(env.newTrial(Map.of()).getInt("rule"));
        assertEquals(1, rules.get(0));
        List<Integer> runs = new ArrayList<>();
        int run = 1;
        for (int i = 1; i < rules.size(); i++) {
            if (rules.get(i).equals(rules.get(i - 1))) {
                run++;
            } else {
                runs.add(run);
                run = 1;
            }
        }
        assertTrue(runs.size() >= 15, "blocks: " + runs);
        for (int n : runs) assertTrue(n >= 10 && n <= 20, "block of " + n + " trials in " + runs);
    }

    @Test
    void theBlockScheduleFollowsTheSeed() {
        List<Integer> a = ruleSequence(make(), 5);
        HierarchicalReasoning reused = make();
        ruleSequence(reused, 99);
        assertEquals(a, ruleSequence(reused, 5), "a reset restarts the schedule");
        assertTrue(!a.equals(ruleSequence(make(), 6)));
    }

    @Test
    void trialsMadeBeforeAnyResetFollowTheScheduleToo() {
        HierarchicalReasoning env = make();
        List<Integer> rules = new ArrayList<>();
        for (int i = 0; i < 10; i++) rules.add(env.newTrial(Map.of()).getInt("rule"));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), rules); // the first block, rule 1, lasts at least 10 trials
    }

    private static List<Integer> ruleSequence(HierarchicalReasoning env, long seed) {
        env.reset(seed);
        List<Integer> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            StepResult r = Probe.fixateToEnd(env);
            rules.add(r.trial().getInt("rule"));
        }
        return rules;
    }
}
