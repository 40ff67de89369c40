package org.neurogym.tasks.collections.yang19;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The matching family of Yang et al. (2019): a sample stimulus, a delay, then a test stimulus, all
 * in one of the two modalities. Sample and test match when they are the same direction (the
 * "sample" tasks) or lie in the same half of the ring (the "category" tasks). In the match-go tasks
 * the agent responds towards the test on a match and keeps fixating otherwise; in the
 * non-match-go tasks the other way round.
 */
public final class DelayMatch extends RingTask {

    /** One of the four matching tasks. */
    enum Variant {
        DMS("dms", false, true),
        DNMS("dnms", false, false),
        DMC("dmc", true, true),
        DNMC("dnmc", true, false);

        final String name;
        final boolean category;
        final boolean matchGo;

        Variant(String name, boolean category, boolean matchGo) {
            this.name = name;
            this.category = category;
            this.matchGo = matchGo;
        }
    }

    public static final TaskDescriptor DMS = descriptor(Variant.DMS,
            "Delayed match-to-sample: a sample direction, a delay, then a test direction that is the same (match) or "
                    + "opposite (non-match); on a match the agent responds towards the test, otherwise it keeps fixating.");
    public static final TaskDescriptor DNMS = descriptor(Variant.DNMS,
            "Delayed non-match-to-sample: a sample direction, a delay, then a test direction that is the same (match) "
                    + "or opposite (non-match); on a non-match the agent responds towards the test, otherwise it keeps "
                    + "fixating.");
    public static final TaskDescriptor DMC = descriptor(Variant.DMC,
            "Delayed match-to-category: a sample direction, a delay, then a test direction; the two match when they lie "
                    + "in the same half of the ring. On a match the agent responds towards the test, otherwise it keeps "
                    + "fixating.");
    public static final TaskDescriptor DNMC = descriptor(Variant.DNMC,
            "Delayed non-match-to-category: a sample direction, a delay, then a test direction; the two match when they "
                    + "lie in the same half of the ring. On a non-match the agent responds towards the test, otherwise it "
                    + "keeps fixating.");

    private static TaskDescriptor descriptor(Variant v, String description) {
        return TaskDescriptor.builder("yang19." + v.name + "-v0")
                .family(Yang19.FAMILY)
                .tags("yang19", "perceptual", "working memory", "two-alternative", "supervised")
                .description(description + " Keeping fixation to the end of a no-go trial is the correct answer. The "
                        + "modality is drawn per trial; the stimulus channels carry noise throughout the trial.")
                .paper(Yang19.PAPER_NAME, Yang19.PAPER_LINK)
                .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                        ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise on the stimulus channels, per sqrt(ms).").min(0),
                        ParamSpec.integer("dim_ring", 16, "Number of directions on the ring (units per modality and choices); even.").min(2))
                .build(p -> new DelayMatch(p, v));
    }

    private final Variant variant;
    private final double sigma;
    private final int halfRing;
    /** Whether the current trial expects a response (false: keep fixating through the decision). */
    private boolean go;

    DelayMatch(Params p, Variant variant) {
        super(p);
        this.variant = variant;
        if (dimRing % 2 != 0) throw new ParameterException("dim_ring", "dim_ring must be even, got " + dimRing);
        halfRing = dimRing / 2;
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 300, "sample", 500, "delay", 1000, "test", 500, "decision", 900);
    }

    @Override
    protected void onNewTrial(Trial trial) {
        Object groundTruth = trial.setDefault("ground_truth", (Object) (rng.integer(2) == 0 ? "match" : "non-match"));
        boolean match;
        if ("match".equals(groundTruth)) match = true;
        else if ("non-match".equals(groundTruth)) match = false;
        else throw new NeuroGymException(name() + ": ground_truth must be \"match\" or \"non-match\", got " + groundTruth);
        int modality = trial.setDefault("modality", rng.integer(2));
        if (modality != 0 && modality != 1) throw new NeuroGymException(name() + ": modality must be 0 or 1, got " + modality);

        int sample = rng.integer(dimRing);
        int test;
        if (variant.category) {
            // Fix: the categories are the two halves of the ring, 0..half-1 and half..dim_ring-1.
            int sampleCategory = sample >= halfRing ? 1 : 0;
            int testCategory = match ? sampleCategory : 1 - sampleCategory;
            test = rng.integer(halfRing) + testCategory * halfRing;
        } else {
            test = match ? sample : (sample + halfRing) % dimRing;
        }
        trial.put("sample_theta", theta[sample]);
        trial.put("test_theta", theta[test]);

        addPeriods("fixation", "sample", "delay", "test", "decision");
        String where = modality(modality);
        // Fix: the fixation input stays on until the decision, whose start it cues.
        for (String p : new String[] {"fixation", "sample", "delay", "test"}) addOb(1, p, "fixation");
        addOb(gaussianBump(theta[sample], 1), "sample", where);
        addOb(gaussianBump(theta[test], 1), "test", where);
        // Fix: noise on the stimulus channels throughout the trial, not only while stimuli are shown.
        addRandn(0, sigma, null, MOD1);
        addRandn(0, sigma, null, MOD2);

        go = match == variant.matchGo;
        if (go) setGroundTruth(test, "decision", "choice");
        else setGroundTruth(0);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);
        // Fix: on a no-go trial, fixating through the whole decision period is the correct answer.
        if (!go && action == 0 && inPeriod("decision") && stepIndex() == periodEnd("decision") - 1) {
            out.setNewTrial(true);
            out.addReward(reward("correct"));
            performance = 1;
        }
    }
}
