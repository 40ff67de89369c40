package org.neurogym.tasks.collections.yang19;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * The decision-making families of Yang et al. (2019). Two stimuli appear at two different ring
 * directions; the agent reports the direction of the stronger one. In the DM tasks both appear
 * together, with complementary strengths; in the delayed DM tasks they appear one after the other,
 * separated by a delay. Which modalities carry stimuli and how each modality counts towards the
 * answer defines the task: one modality only (dm1, dm2), both with one to attend to (ctx), or both
 * summed (multi).
 */
public final class DecisionMaking extends RingTask {

    private static final double[] DM_COHS = {0.08, 0.16, 0.32, 0.64};
    private static final double[] DLY_COHS = {0.3, 0.6, 1.0};

    /** One of the ten decision-making tasks: weights of the two modalities and which carry stimuli. */
    enum Variant {
        DM1("dm1", false, 1, 1, true, false),
        DM2("dm2", false, 1, 1, false, true),
        CTXDM1("ctxdm1", false, 1, 0, true, true),
        CTXDM2("ctxdm2", false, 0, 1, true, true),
        MULTIDM("multidm", false, 1, 1, true, true),
        DLYDM1("dlydm1", true, 1, 1, true, false),
        DLYDM2("dlydm2", true, 1, 1, false, true),
        CTXDLYDM1("ctxdlydm1", true, 1, 0, true, true),
        CTXDLYDM2("ctxdlydm2", true, 0, 1, true, true),
        MULTIDLYDM("multidlydm", true, 1, 1, true, true);

        final String name;
        final boolean delayed;
        final double w1;
        final double w2;
        final boolean stim1;
        final boolean stim2;

        Variant(String name, boolean delayed, double w1, double w2, boolean stim1, boolean stim2) {
            this.name = name;
            this.delayed = delayed;
            this.w1 = w1;
            this.w2 = w2;
            this.stim1 = stim1;
            this.stim2 = stim2;
        }
    }

    public static final TaskDescriptor DM1 = descriptor(Variant.DM1,
            "Decision making in modality 1: two stimuli of complementary strength appear together at two directions "
                    + "in modality 1; the agent reports the stronger one.");
    public static final TaskDescriptor DM2 = descriptor(Variant.DM2,
            "Decision making in modality 2: two stimuli of complementary strength appear together at two directions "
                    + "in modality 2; the agent reports the stronger one.");
    public static final TaskDescriptor CTXDM1 = descriptor(Variant.CTXDM1,
            "Context-dependent decision making: both modalities show a pair of stimuli at the same two directions "
                    + "with independent strengths; the agent reports the stronger stimulus of modality 1 and ignores "
                    + "modality 2.");
    public static final TaskDescriptor CTXDM2 = descriptor(Variant.CTXDM2,
            "Context-dependent decision making: both modalities show a pair of stimuli at the same two directions "
                    + "with independent strengths; the agent reports the stronger stimulus of modality 2 and ignores "
                    + "modality 1.");
    public static final TaskDescriptor MULTIDM = descriptor(Variant.MULTIDM,
            "Multisensory decision making: both modalities show a pair of stimuli at the same two directions; the "
                    + "agent reports the direction whose strength summed over the modalities is larger.");
    public static final TaskDescriptor DLYDM1 = descriptor(Variant.DLYDM1,
            "Delayed decision making in modality 1: two stimuli of different strengths appear one after the other, "
                    + "separated by a delay, at two directions in modality 1; the agent reports the stronger one.");
    public static final TaskDescriptor DLYDM2 = descriptor(Variant.DLYDM2,
            "Delayed decision making in modality 2: two stimuli of different strengths appear one after the other, "
                    + "separated by a delay, at two directions in modality 2; the agent reports the stronger one.");
    public static final TaskDescriptor CTXDLYDM1 = descriptor(Variant.CTXDLYDM1,
            "Context-dependent delayed decision making: two sequential stimuli appear in both modalities; the agent "
                    + "reports the stronger of the two in modality 1 and ignores modality 2.");
    public static final TaskDescriptor CTXDLYDM2 = descriptor(Variant.CTXDLYDM2,
            "Context-dependent delayed decision making: two sequential stimuli appear in both modalities; the agent "
                    + "reports the stronger of the two in modality 2 and ignores modality 1.");
    public static final TaskDescriptor MULTIDLYDM = descriptor(Variant.MULTIDLYDM,
            "Multisensory delayed decision making: two sequential stimuli appear in both modalities; the agent "
                    + "reports the direction whose strength summed over the modalities is larger.");

    private static TaskDescriptor descriptor(Variant v, String description) {
        String[] tags = v.delayed
                ? new String[] {"yang19", "perceptual", "working memory", "two-alternative", "supervised"}
                : new String[] {"yang19", "perceptual", "two-alternative", "supervised"};
        return TaskDescriptor.builder("yang19." + v.name + "-v0")
                .family(Yang19.FAMILY)
                .tags(tags)
                .description(description + " The fixation input turns off when the response is due; the stimulus "
                        + "channels carry noise throughout the trial.")
                .paper(Yang19.PAPER_NAME, Yang19.PAPER_LINK)
                .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                        ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise on the stimulus channels, per sqrt(ms).").min(0),
                        ParamSpec.numbers("cohs", v.delayed ? DLY_COHS : DM_COHS, "Stimulus strengths (coherences) drawn from.").minLength(v.delayed ? 2 : 1),
                        ParamSpec.integer("dim_ring", 16, "Number of directions on the ring (units per modality and choices).").min(2))
                .build(p -> new DecisionMaking(p, v));
    }

    private final Variant variant;
    private final double sigma;
    private final double[] cohs;

    DecisionMaking(Params p, Variant variant) {
        super(p);
        this.variant = variant;
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        cohs = p.getDoubles("cohs");
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        if (variant.delayed) {
            defineTiming(p, "fixation", Timing.uniform(200, 500), "stim1", 500, "delay", 1000, "stim2", 500, "decision", 200);
        } else {
            Object stimulus = variant == Variant.DM1 ? Timing.choice(200, 400, 600) : 500;
            defineTiming(p, "fixation", Timing.uniform(200, 500), "stimulus", stimulus, "decision", 200);
        }
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int i1 = trial.setDefault("i_theta1", rng.integer(dimRing));
        int other = rng.integer(dimRing - 1);
        int i2 = trial.setDefault("i_theta2", other >= i1 ? other + 1 : other);
        if (i1 < 0 || i1 >= dimRing || i2 < 0 || i2 >= dimRing || i1 == i2) {
            throw new NeuroGymException(name() + ": i_theta1 and i_theta2 must be two different directions in 0.."
                    + (dimRing - 1) + ", got " + i1 + " and " + i2);
        }
        trial.put("theta1", theta[i1]);
        trial.put("theta2", theta[i2]);

        String first = variant.delayed ? "stim1" : "stimulus";
        String second = variant.delayed ? "stim2" : "stimulus";
        if (variant.delayed) {
            addPeriods("fixation", "stim1", "delay", "stim2", "decision");
        } else {
            addPeriods("fixation", "stimulus", "decision");
            trial.put("stim_period", endTime("stimulus") - startTime("stimulus"));
        }

        // Fix: the fixation input stays on until the decision, whose start it cues.
        addOb(1, "fixation", "fixation");
        for (String p : variant.delayed ? new String[] {"stim1", "delay", "stim2"} : new String[] {"stimulus"}) {
            addOb(1, p, "fixation");
        }

        double evidence1 = 0;
        double evidence2 = 0;
        for (int m = 0; m < 2; m++) {
            if (!(m == 0 ? variant.stim1 : variant.stim2)) continue;
            String mod = "_mod" + (m + 1);
            double c1;
            double c2;
            if (variant.delayed) {
                int a = rng.integer(cohs.length);
                int b = rng.integer(cohs.length - 1);
                if (b >= a) b++;
                c1 = trial.setDefault("coh1" + mod, cohs[a]);
                c2 = trial.setDefault("coh2" + mod, cohs[b]);
            } else {
                double coh = rng.choice(cohs) * (rng.integer(2) == 0 ? -1 : 1);
                c1 = trial.setDefault("coh1" + mod, 0.5 + coh / 2);
                c2 = trial.setDefault("coh2" + mod, 0.5 - coh / 2);
            }
            String where = modality(m);
            addOb(gaussianBump(theta[i1], c1), first, where);
            addOb(gaussianBump(theta[i2], c2), second, where);
            double w = m == 0 ? variant.w1 : variant.w2;
            evidence1 += w * c1;
            evidence2 += w * c2;
        }
        // Fix: noise on the stimulus channels throughout the trial, not only while stimuli are shown.
        addRandn(0, sigma, null, MOD1);
        addRandn(0, sigma, null, MOD2);

        // A tie (possible when the summed strengths are equal) is broken at random, as in the reference.
        int target = evidence1 + rng.uniform(-1e-6, 1e-6) > evidence2 ? i1 : i2;
        trial.put("ground_truth", target);
        setGroundTruth(target, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);
    }
}
