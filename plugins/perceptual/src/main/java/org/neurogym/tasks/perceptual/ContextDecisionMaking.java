package org.neurogym.tasks.perceptual;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.Ring;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Context-dependent decision: two noisy ring stimuli (two modalities, e.g. motion and colour)
 * arrive together, and the agent reports the direction of the one the context makes relevant.
 * The context is fixed and learned (implicit) or given by two context inputs (explicit).
 */
public final class ContextDecisionMaking extends TrialEnv {
    /** The periods of every trial, in order (a constant: no varargs array per trial). */
    private static final String[] PERIODS = {"fixation", "stimulus", "delay", "decision"};

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ContextDecisionMaking-v0")
            .family("perceptual")
            .tags("perceptual", "context dependent", "two-alternative", "supervised")
            .description("Two stimulus modalities are shown at once, each pointing to one of dim_ring directions with "
                    + "its own coherence; the agent must report the direction of the relevant modality and ignore the "
                    + "other. The relevant modality is either fixed for the whole run (implicit context) or drawn each "
                    + "trial and signalled by a context input (explicit context). The fixation input stays on until the "
                    + "decision period, whose start is the go cue.")
            .paper("Context-dependent computation by recurrent dynamics in prefrontal cortex",
                    "https://www.nature.com/articles/nature12742")
            .params(ParamSpec.dt(100),
                    ParamSpec.bool("use_expl_context", false,
                            "True: the relevant modality is drawn each trial and signalled by the context inputs; "
                                    + "false: it is fixed to impl_context_modality and never signalled."),
                    ParamSpec.integer("impl_context_modality", 0,
                            "The relevant modality (0 or 1) when the context is implicit.").oneOf(0, 1),
                    ParamSpec.integer("dim_ring", 2, "Number of stimulus directions (choices).").min(2),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0),
                    ParamSpec.bool("abort", false, "Whether breaking fixation in the fixation period aborts the trial."))
            .build(ContextDecisionMaking::new);

    private static final double[] COHS = {5, 15, 50};

    private final boolean explicit;
    private final int dimRing;
    private final double sigma;
    private final boolean abort;
    private final int[] contexts;
    private final double[] theta;
    private final double[] stimulus1; // scratch of every trial's stimulus, made once
    private final double[] stimulus2; // scratch of every trial's stimulus, made once
    private final String[] mod1;
    private final String[] mod2;

    public ContextDecisionMaking(Params p) {
        super(p);
        explicit = p.getBoolean("use_expl_context");
        dimRing = p.getInt("dim_ring");
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        abort = p.getBoolean("abort");
        if (explicit) {
            contexts = new int[] {0, 1};
        } else {
            int modality = p.getInt("impl_context_modality");
            contexts = new int[] {modality};
        }
        theta = Ring.directions(dimRing);
        stimulus1 = new double[theta.length];
        stimulus2 = new double[theta.length];

        defineRewards(p, "abort", -0.1, "correct", 1.0);
        defineTiming(p, "fixation", 300, "stimulus", 750,
                "delay", Timing.truncatedExponential(600, 300, 3000), "decision", 100);

        mod1 = new String[dimRing];
        mod2 = new String[dimRing];
        List<Channel> obs = new ArrayList<>();
        obs.add(Channel.of("fixation", 0));
        for (int i = 0; i < dimRing; i++) {
            mod1[i] = "stim" + (i + 1) + "_mod1";
            obs.add(Channel.of(mod1[i], 1 + i));
        }
        for (int i = 0; i < dimRing; i++) {
            mod2[i] = "stim" + (i + 1) + "_mod2";
            obs.add(Channel.of(mod2[i], 1 + dimRing + i));
        }
        if (explicit) {
            obs.add(Channel.of("context1", 1 + 2 * dimRing));
            obs.add(Channel.of("context2", 2 + 2 * dimRing));
        }
        defineSpaces(Box.unbounded(obs.size(), obs.toArray(Channel[]::new)),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
        defineChoices(1, "choice");
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // choices are the actions themselves, 1 .. dim_ring, as in the reference
        int groundTruth = trial.setDefaultWithin("ground_truth", 1 + rng.integer(dimRing), 1, dimRing);
        int other = trial.setDefaultWithin("other_choice", 1 + rng.integer(dimRing), 1, dimRing);
        int context = trial.setDefaultWithin("context", rng.choice(contexts), 0, 1);
        double coh1 = trial.setDefault("coh_1", rng.choice(COHS));
        double coh2 = trial.setDefault("coh_2", rng.choice(COHS));

        // modality 1 carries the relevant choice in context 0, modality 2 in context 1
        int choice1 = context == 0 ? groundTruth : other;
        int choice2 = context == 0 ? other : groundTruth;

        addPeriods(PERIODS);

        // Deviation (upstream issue #279): the fixation input stays on through stimulus and delay,
        // so that its offset at the decision period is the go cue.
        addOb(1, "fixation", "fixation");
        addOb(1, "stimulus", "fixation");
        addOb(1, "delay", "fixation");
        double[] s1 = Ring.cosineTuning(theta, theta[choice1 - 1], coh1 / 200, 0.5, stimulus1);
        double[] s2 = Ring.cosineTuning(theta, theta[choice2 - 1], coh2 / 200, 0.5, stimulus2);
        for (int i = 0; i < dimRing; i++) {
            addOb(s1[i], "stimulus", mod1[i]);
            addOb(s2[i], "stimulus", mod2[i]);
            addRandn(0, sigma, "stimulus", mod1[i]);
            addRandn(0, sigma, "stimulus", mod2[i]);
        }
        setOb(0, "decision");
        if (explicit) addOb(1, null, context == 0 ? "context1" : "context2");

        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, abort);
    }
}
