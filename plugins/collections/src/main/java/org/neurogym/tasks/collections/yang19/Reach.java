package org.neurogym.tasks.collections.yang19;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The Go and Anti families of Yang et al. (2019): a stimulus appears at one direction of the ring
 * in one of the two modalities; the agent reports that direction (Go) or the opposite one (Anti).
 * The plain variants show the stimulus, then (after an optional delay) turn the fixation input off
 * as the go cue; the reaction-time variants show the stimulus at the decision and expect an
 * immediate response.
 */
public final class Reach extends RingTask {

    /** One of the six Go/Anti tasks of the set. */
    enum Variant {
        GO("go", false, false, 0),
        RTGO("rtgo", false, true, 0),
        DLYGO("dlygo", false, false, 500),
        ANTI("anti", true, false, 0),
        RTANTI("rtanti", true, true, 0),
        DLYANTI("dlyanti", true, false, 500);

        final String name;
        final boolean anti;
        final boolean reaction;
        final double delay;

        Variant(String name, boolean anti, boolean reaction, double delay) {
            this.name = name;
            this.anti = anti;
            this.reaction = reaction;
            this.delay = delay;
        }
    }

    public static final TaskDescriptor GO = descriptor(Variant.GO,
            "Go: while fixating, a stimulus appears at one direction in one of two modalities; when the fixation "
                    + "input turns off the agent reports that direction.");
    public static final TaskDescriptor RTGO = descriptor(Variant.RTGO,
            "Reaction-time Go: after fixation a stimulus appears at one direction in one of two modalities and the "
                    + "agent reports that direction as soon as it appears.");
    public static final TaskDescriptor DLYGO = descriptor(Variant.DLYGO,
            "Delayed Go: a stimulus at one direction (one of two modalities) is followed by a 500 ms memory delay; "
                    + "when the fixation input turns off the agent reports the remembered direction.");
    public static final TaskDescriptor ANTI = descriptor(Variant.ANTI,
            "Anti: while fixating, a stimulus appears at one direction in one of two modalities; when the fixation "
                    + "input turns off the agent reports the opposite direction.");
    public static final TaskDescriptor RTANTI = descriptor(Variant.RTANTI,
            "Reaction-time Anti: after fixation a stimulus appears at one direction in one of two modalities and the "
                    + "agent reports the opposite direction as soon as it appears.");
    public static final TaskDescriptor DLYANTI = descriptor(Variant.DLYANTI,
            "Delayed Anti: a stimulus at one direction (one of two modalities) is followed by a 500 ms memory delay; "
                    + "when the fixation input turns off the agent reports the direction opposite the remembered one.");

    private static TaskDescriptor descriptor(Variant v, String description) {
        TaskDescriptor.Builder b = TaskDescriptor.builder("yang19." + v.name + "-v0")
                .family(Yang19.FAMILY)
                .tags(v.delay > 0 ? new String[] {"yang19", "perceptual", "working memory", "steps action space", "supervised"}
                        : new String[] {"yang19", "perceptual", "steps action space", "supervised"})
                .description(description + " The fixation input is on until the response is due; the modality is "
                        + "drawn per trial.")
                .paper(Yang19.PAPER_NAME, Yang19.PAPER_LINK)
                .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                        ParamSpec.integer("dim_ring", 16, "Number of directions on the ring (units per modality and choices).").min(1));
        if (v.reaction) {
            // The stimulus and delay timings exist (as in the reference) but a reaction-time trial is
            // fixation then decision only, so the mean length is those two periods' expectation.
            b.contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    t -> t.timing().get("fixation").meanSteps(t.dt()) + t.timing().get("decision").meanSteps(t.dt())));
        }
        return b.build(p -> new Reach(p, v));
    }

    private final Variant variant;

    Reach(Params p, Variant variant) {
        super(p);
        this.variant = variant;
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "stimulus", 500, "delay", variant.delay, "decision", 500);
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefault("ground_truth", rng.integer(dimRing));
        if (groundTruth < 0 || groundTruth >= dimRing) {
            throw new NeuroGymException(name() + ": ground_truth must be in 0.." + (dimRing - 1) + ", got " + groundTruth);
        }
        boolean anti = Yang19.asBoolean(trial.setDefault("anti", (Object) variant.anti), "anti");
        int modality = trial.setDefault("modality", rng.integer(2));
        if (modality != 0 && modality != 1) throw new NeuroGymException(name() + ": modality must be 0 or 1, got " + modality);

        double loc = anti ? (theta[groundTruth] + Math.PI) % (2 * Math.PI) : theta[groundTruth];
        double[] stim = gaussianBump(loc, 1);
        String where = modality(modality);
        if (variant.reaction) {
            addPeriods("fixation", "decision");
            // Fix: the fixation input stays on for the whole trial; the stimulus onset is the go cue.
            addOb(1, null, "fixation");
            addOb(stim, "decision", where);
        } else {
            addPeriods("fixation", "stimulus", "delay", "decision");
            addOb(1, "fixation", "fixation");
            addOb(1, "stimulus", "fixation");
            addOb(1, "delay", "fixation");
            addOb(stim, "stimulus", where);
        }
        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);
    }
}
