package org.neurogym.tasks.workingmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neurogym.api.param.ParameterException;

class WorkingMemoryRulesTest {

    private static final Map<String, Object> NO_NOISE = Map.of("sigma", 0.0);

    @Nested
    class DelayComparisonRules {
        @Test
        void stimuliAreScaledToTheRangeOfThePairsAndShownInTheTrialsOrder() {
            Driver d = new Driver(DelayComparison.DESCRIPTOR, NO_NOISE)
                    .trial(Map.of("ground_truth", 2, "vpair", new double[] {18, 10}));
            int s1 = d.env.periodStart("stimulus1");
            int s2 = d.env.periodStart("stimulus2");
            int dec = d.env.periodStart("decision");
            // ground truth 2: the weaker value comes first; values span [10, 34]
            assertEquals(0.5, d.ob(s1, 1), 1e-6);
            assertEquals((1 + 8.0 / 24) / 2, d.ob(s2, 1), 1e-6);
            assertEquals(0, d.ob(d.env.periodStart("delay"), 1));
            assertEquals(1, d.ob(s2, 0));
            assertEquals(0, d.ob(dec, 0));
            assertEquals(2, d.gt(dec));
            assertEquals(0, d.gt(dec - 1));
            assertEquals(10.0, d.env.trial().getDouble("v1"));
            assertEquals(18.0, d.env.trial().getDouble("v2"));
        }

        @Test
        void aWrongChoiceFailsAndBreakingFixationCostsTheAbortRewardWithoutEndingTheTrial() {
            Driver d = new Driver(DelayComparison.DESCRIPTOR, Map.of("rewards", Map.of("fail", -0.7)))
                    .trial(Map.of("ground_truth", 1));
            int dec = d.env.periodStart("decision");
            Driver.Played wrong = d.play(step -> step == 0 ? 1 : step == dec ? 2 : 0);
            assertEquals(-0.1, wrong.rewards().get(0), 1e-12);
            assertEquals(-0.7, wrong.last(), 1e-12);
            assertEquals(0, wrong.performance());
            assertEquals(dec + 1, wrong.steps());

            d.trial(Map.of("ground_truth", 1));
            Driver.Played right = d.play(step -> step == dec ? 1 : 0);
            assertEquals(1.0, right.total(), 1e-12);
            assertEquals(1, right.performance());
        }

        @Test
        void degeneratePairsAreRejectedByName() {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> DelayComparison.DESCRIPTOR.create(Map.of("vpairs", List.of(List.of(5, 5)))));
            assertEquals("vpairs", e.key());
            e = assertThrows(ParameterException.class,
                    () -> DelayComparison.DESCRIPTOR.create(Map.of("vpairs", List.of(List.of(1, 2, 3)))));
            assertEquals("vpairs", e.key());
        }
    }

    @Nested
    class DelayMatchCategoryRules {
        @Test
        void theCategoryIsReadableFromTheDefaultTwoUnitRing() {
            Driver d = new Driver(DelayMatchCategory.DESCRIPTOR, NO_NOISE);
            for (int i = 0; i < 200; i++) {
                d.env.newTrial(Map.of());
                int category = d.env.trial().getInt("sample_category");
                int s = d.env.periodStart("sample");
                // category 0 is centred on unit 0's preferred direction, category 1 on unit 1's
                boolean unit0Stronger = d.ob(s, 1) > d.ob(s, 2);
                assertEquals(category == 0, unit0Stronger, "trial " + d.env.trial());
                int t = d.env.periodStart("test");
                boolean testUnit0Stronger = d.ob(t, 1) > d.ob(t, 2);
                boolean match = "match".equals(d.env.trial().get("ground_truth"));
                assertEquals(match, unit0Stronger == testUnit0Stronger);
                assertEquals(match ? 1 : 2, d.gt(t));
                assertEquals(0, d.ob(t, 0));
                assertEquals(1, d.ob(t - 1, 0));
            }
        }

        @Test
        void aWrongAnswerInTheTestFails() {
            Driver d = new Driver(DelayMatchCategory.DESCRIPTOR, Map.of("rewards", Map.of("fail", -0.3)))
                    .trial(Map.of("ground_truth", "non-match"));
            int t = d.env.periodStart("test");
            Driver.Played p = d.play(step -> step == t ? 1 : 0);
            assertEquals(-0.3, p.last(), 1e-12);
            assertEquals(0, p.performance());
            assertEquals(t + 1, p.steps());
        }
    }

    @Nested
    class DelayMatchSampleRules {
        @Test
        void aNonMatchTestIsTheOppositeDirectionAndAMatchTestTheSame() {
            Driver d = new Driver(DelayMatchSample.DESCRIPTOR, Map.of("sigma", 0.0, "dim_ring", 4));
            d.trial(Map.of("ground_truth", 2));
            int s = d.env.periodStart("sample");
            int t = d.env.periodStart("test");
            for (int c = 1; c <= 4; c++) assertEquals(1 - d.ob(s, c), d.ob(t, c), 1e-6);
            assertEquals(2, d.gt(d.env.periodStart("decision")));
            assertEquals(0, d.gt(t));

            d.trial(Map.of("ground_truth", 1));
            for (int c = 1; c <= 4; c++) assertEquals(d.ob(s, c), d.ob(t, c), 1e-6);
        }

        @Test
        void answeringBeforeTheDecisionIsIgnoredAndAWrongDecisionFails() {
            Driver d = new Driver(DelayMatchSample.DESCRIPTOR, Map.of("rewards", Map.of("fail", -0.4)))
                    .trial(Map.of("ground_truth", 1));
            int t = d.env.periodStart("test");
            int dec = d.env.periodStart("decision");
            Driver.Played p = d.play(step -> step == t || step == dec ? 2 : 0);
            assertEquals(dec + 1, p.steps());
            assertEquals(0, p.rewards().get(t));
            assertEquals(-0.4, p.last(), 1e-12);
            assertEquals(0, p.performance());
        }
    }

    @Nested
    class DistractorRules {
        @Test
        void respondingToADistractorFailsAndToTheRepeatedSampleWins() {
            Driver d = new Driver(DelayMatchSampleDistractor1D.DESCRIPTOR, Map.of()).trial(Map.of("ground_truth", 2));
            int t1 = d.env.periodStart("test1");
            int t2 = d.env.periodStart("test2");
            Driver.Played early = d.play(step -> step == t1 ? 1 : 0);
            assertEquals(t1 + 1, early.steps());
            assertEquals(-1.0, early.last(), 1e-12);
            assertEquals(0, early.performance());

            d.trial(Map.of("ground_truth", 2));
            Driver.Played right = d.play(step -> step == t2 ? 1 : 0);
            assertEquals(t2 + 1, right.steps());
            assertEquals(1.0, right.total(), 1e-12);
            assertEquals(1, right.performance());
        }

        @Test
        void respondingDuringTheSampleCostsTheAbortRewardOnly() {
            Driver d = new Driver(DelayMatchSampleDistractor1D.DESCRIPTOR, Map.of()).trial(Map.of("ground_truth", 1));
            int s = d.env.periodStart("sample");
            int t1 = d.env.periodStart("test1");
            Driver.Played p = d.play(step -> step == s || step == t1 ? 1 : 0);
            assertEquals(t1 + 1, p.steps());
            assertEquals(-0.1, p.rewards().get(s), 1e-12);
            assertEquals(1.0, p.last(), 1e-12);
        }

        @Test
        void theMatchingTestRepeatsTheSampleExactly() {
            Driver d = new Driver(DelayMatchSampleDistractor1D.DESCRIPTOR, Map.of()).trial(Map.of("ground_truth", 3));
            int s = d.env.periodStart("sample");
            int t3 = d.env.periodStart("test3");
            int t1 = d.env.periodStart("test1");
            boolean distractorDiffers = false;
            for (int c = 1; c <= 32; c++) {
                assertEquals(d.ob(s, c), d.ob(t3, c));
                distractorDiffers |= d.ob(s, c) != d.ob(t1, c);
            }
            assertTrue(distractorDiffers);
            assertEquals(1, d.ob(0, 0));
            assertEquals(0, d.ob(s, 0));
            assertEquals(1, d.gt(t3));
            assertEquals(0, d.gt(t1));
        }
    }

    @Nested
    class DelayPairedAssociationRules {
        @Test
        void goPairsAreThoseWithAnEvenDifference() {
            Driver d = new Driver(DelayPairedAssociation.DESCRIPTOR, Map.of());
            int[][] pairs = {{1, 3}, {1, 4}, {2, 3}, {2, 4}};
            int[] go = {1, 0, 0, 1};
            for (int i = 0; i < pairs.length; i++) {
                d.trial(Map.of("pair", pairs[i]));
                assertEquals(go[i], d.env.trial().getInt("ground_truth"));
                assertEquals(1, d.ob(d.env.periodStart("stim1"), pairs[i][0]));
                assertEquals(1, d.ob(d.env.periodStart("stim2"), pairs[i][1]));
                assertEquals(go[i], d.gt(d.env.periodStart("decision")));
            }
        }

        @Test
        void withholdingOnANoGoTrialIsCorrectAndMissingAGoCostsTheMissReward() {
            Driver d = new Driver(DelayPairedAssociation.DESCRIPTOR, Map.of("rewards", Map.of("miss", -0.3)));
            // twice, so that the preset performance survives the base class's reset between trials
            for (int k = 0; k < 2; k++) {
                d.trial(Map.of("pair", new int[] {1, 4}));
                Driver.Played nogo = d.play(step -> 0);
                assertEquals(d.env.trialLength(), nogo.steps());
                assertEquals(0, nogo.total(), 1e-12);
                assertEquals(1, nogo.performance());
            }
            d.trial(Map.of("pair", new int[] {2, 4}));
            Driver.Played miss = d.play(step -> 0);
            assertEquals(-0.3, miss.last(), 1e-12);
            assertEquals(0, miss.performance());
        }

        @Test
        void pressingOnANoGoTrialFails() {
            Driver d = new Driver(DelayPairedAssociation.DESCRIPTOR, Map.of()).trial(Map.of("pair", new int[] {2, 3}));
            int dec = d.env.periodStart("decision");
            Driver.Played p = d.play(step -> step >= dec ? 1 : 0);
            assertEquals(dec + 1, p.steps());
            assertEquals(-1.0, p.total(), 1e-12);
            assertEquals(0, p.performance());
        }
    }

    @Nested
    class GoNogoRules {
        @Test
        void theStimulusShowsGoOrNogoAndTheFixationInputGoesOffForTheDecision() {
            Driver d = new Driver(GoNogo.DESCRIPTOR, Map.of()).trial(Map.of("ground_truth", 1));
            int s = d.env.periodStart("stimulus");
            int dec = d.env.periodStart("decision");
            assertEquals(0, d.ob(s, 1));
            assertEquals(1, d.ob(s, 2));
            assertEquals(1, d.ob(s, 0));
            assertEquals(0, d.ob(dec, 0));
            d.trial(Map.of("ground_truth", 0));
            assertEquals(1, d.ob(s, 1));
            assertEquals(0, d.ob(s, 2));
        }

        @Test
        void eachOutcomeEarnsItsReward() {
            Driver d = new Driver(GoNogo.DESCRIPTOR, Map.of("rewards", Map.of("fail", -0.25, "miss", -0.75)));
            int dec = d.env.periodStart("decision");
            d.trial(Map.of("ground_truth", 1));
            Driver.Played hit = d.play(step -> step == dec ? 1 : 0);
            assertEquals(1.0, hit.total(), 1e-12);
            assertEquals(1, hit.performance());

            d.trial(Map.of("ground_truth", 1));
            Driver.Played miss = d.play(step -> 0);
            assertEquals(-0.75, miss.total(), 1e-12);
            assertEquals(0, miss.performance());

            d.trial(Map.of("ground_truth", 0));
            Driver.Played falseAlarm = d.play(step -> step == dec ? 1 : 0);
            assertEquals(-0.25, falseAlarm.total(), 1e-12);
            assertEquals(0, falseAlarm.performance());

            d.trial(Map.of("ground_truth", 0));
            Driver.Played withheld = d.play(step -> 0);
            assertEquals(0, withheld.total(), 1e-12);
            assertEquals(1, withheld.performance());
            assertEquals(d.env.trialLength(), withheld.steps());
        }
    }

    @Nested
    class DualDelayMatchSampleRules {
        private final Map<String, Object> facts = Map.of("ground_truth1", 1, "ground_truth2", 2, "test_order", 0);

        @Test
        void theTrialIsCorrectOnlyWhenBothAnswersAre() {
            Driver d = new Driver(DualDelayMatchSample.DESCRIPTOR, Map.of("rewards", Map.of("fail", -0.5)));
            int t1 = d.env.periodStart("test1");
            int t2 = d.env.periodStart("test2");
            int[][] answers = {{1, 2}, {1, 1}, {2, 2}};
            double[] expectedPerformance = {1, 0, 0};
            double[] expectedTotal = {2, 0.5, 0.5};
            for (int i = 0; i < answers.length; i++) {
                int[] a = answers[i];
                d.trial(facts);
                Driver.Played p = d.play(step -> step == t1 ? a[0] : step == t2 ? a[1] : 0);
                assertEquals(t2 + 1, p.steps());
                assertEquals(expectedPerformance[i], p.performance(), "answers " + a[0] + ", " + a[1]);
                assertEquals(expectedTotal[i], p.total(), 1e-12, "answers " + a[0] + ", " + a[1]);
            }
        }

        @Test
        void onlyTheFirstAnswerInTheFirstTestIsRewarded() {
            Driver d = new Driver(DualDelayMatchSample.DESCRIPTOR, Map.of()).trial(facts);
            int t1 = d.env.periodStart("test1");
            int t2 = d.env.periodStart("test2");
            Driver.Played p = d.play(step -> d.in("test1", step) ? 1 : step == t2 ? 2 : 0);
            assertTrue(d.env.periodEnd("test1") - t1 > 1);
            assertEquals(1.0, p.rewards().get(t1), 1e-12);
            assertEquals(2.0, p.total(), 1e-12);
            assertEquals(1, p.performance());
        }

        @Test
        void theTestOrderDecidesWhichSampleEachCueAndTestProbes() {
            Driver d = new Driver(DualDelayMatchSample.DESCRIPTOR, NO_NOISE).trial(
                    Map.of("ground_truth1", 2, "ground_truth2", 1, "sample1", 0.5, "sample2", 0.0, "test_order", 1));
            int c1 = d.env.periodStart("cue1");
            int c2 = d.env.periodStart("cue2");
            int t1 = d.env.periodStart("test1");
            int t2 = d.env.periodStart("test2");
            int s = d.env.periodStart("sample");
            // order 1: sample 2 is cued and tested first
            assertEquals(1, d.ob(c1, 6));
            assertEquals(0, d.ob(c1, 5));
            assertEquals(1, d.ob(c2, 5));
            assertEquals(1, d.gt(t1)); // ground_truth2
            assertEquals(2, d.gt(t2)); // ground_truth1
            // samples: 0.5 -> (0, 1) on stimulus1, 0 -> (1, 0) on stimulus2
            assertEquals(0, d.ob(s, 1), 1e-6);
            assertEquals(1, d.ob(s, 2), 1e-6);
            assertEquals(1, d.ob(s, 3), 1e-6);
            // the first test shows sample 2 again (match) on stimulus2 only
            assertEquals(1, d.ob(t1, 3), 1e-6);
            assertEquals(0, d.ob(t1, 1), 1e-6);
            // the second test shows the other direction (non-match) on stimulus1
            assertEquals(1, d.ob(t2, 1), 1e-6);
            assertEquals(0, d.ob(t2, 2), 1e-6);
            assertEquals(1, d.ob(t2, 0));
            assertEquals(0.0, d.env.trial().getDouble("test1"));
        }

        @Test
        void respondingOutsideTheTestsCostsTheAbortReward() {
            Driver d = new Driver(DualDelayMatchSample.DESCRIPTOR, Map.of()).trial(facts);
            int cue = d.env.periodStart("cue1");
            int t2 = d.env.periodStart("test2");
            Driver.Played p = d.play(step -> step == cue ? 1 : step == t2 ? 2 : 0);
            assertEquals(-0.1, p.rewards().get(cue), 1e-12);
            assertEquals(t2 + 1, p.steps());
        }
    }
}
