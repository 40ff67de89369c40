package org.neurogym.tasks.collections.perceptual;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Reaction-time perceptual decision making (Roitman and Shadlen, 2002): PerceptualDecisionMaking
 * where the agent may answer at any step after the stimulus has started, and the trial ends
 * with the stimulus. It behaves as the reference's PerceptualDecisionMaking-v0 under its
 * ReactionTime wrapper (default urgency 0, ending on the stimulus), written as one task so that
 * its trial matrices already hold the reaction-time ground truth.
 */
public final class Roitman02 extends RandomDotsTask {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("perceptualdecisionmaking.roitman02-v0")
            .family("collections")
            .tags("perceptual", "two-alternative", "reaction time", "supervised")
            .description("Reaction-time version of PerceptualDecisionMaking: after fixation a noisy stimulus favours one "
                    + "location; from the stimulus's second step on the agent may report that location at any time, "
                    + "which ends the trial; the trial also ends when the stimulus ends. The delay and decision "
                    + "timings are kept as parameters but unused, as under the reference's ReactionTime wrapper.")
            .paper("Response of neurons in the lateral intraparietal area during a combined visual discrimination "
                    + "reaction time task", "https://www.jneurosci.org/content/22/21/9475")
            .params(params())
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    t -> t.timing().get("fixation").meanSteps(t.dt()) + t.timing().get("stimulus").meanSteps(t.dt())))
            .build(Roitman02::new);

    public Roitman02(Params p) {
        super(p);
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = checkedGroundTruth(trial.setDefault("ground_truth", rng.integer(dimRing)));
        double coh = trial.setDefault("coh", rng.choice(cohs));
        // The trial ends with the stimulus: the answer is due from the stimulus's second step on.
        addPeriods("fixation", "stimulus");
        int start = periodStart("stimulus");
        int end = periodEnd("stimulus");
        boolean canAnswer = end - start > 1;
        if (canAnswer) addPeriodAtStep("decision", start + 1, end - start - 1);
        writeStimulus(groundTruth, coh);
        if (canAnswer) setGroundTruth(groundTruth, "decision", "choice");
        else setGroundTruth(0); // a stimulus of one step leaves no time to answer
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, abort);
    }
}
