package org.neurogym.tasks.collections.perceptual;

import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The reference's perceptual decision-making collection: PerceptualDecisionMaking-v0 under the
 * standard wrappers, each task a few lines composed by id through the host, as in the reference's
 * collections file. Needs the perceptual and wrappers plugins.
 */
public final class PerceptualCollection {
    private PerceptualCollection() {}

    private static final String BASE = "PerceptualDecisionMaking-v0";

    /** Trials per block of ibl20, for both blocks (the reference's {@code block_lens=[90, 90]}). */
    public static final int IBL_BLOCK_LENGTH = 90;

    /** PerceptualDecisionMaking-v0's parameters, passed on to it; {@code dimRing} declares what dim_ring accepts. */
    private static ParamSpec[] params(ParamSpec dimRing) {
        return new ParamSpec[] {
            ParamSpec.dt(100),
            dimRing,
            ParamSpec.rewards(),
            ParamSpec.timing(),
            ParamSpec.numbers("cohs", new double[] {0, 6.4, 12.8, 25.6, 51.2}, "Coherence levels (task difficulty).").nonEmpty(),
            ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0),
            ParamSpec.bool("abort", false, "Whether breaking fixation aborts the trial.")
        };
    }

    public static final TaskDescriptor ROITMAN02 = TaskDescriptor.builder("perceptualdecisionmaking.roitman02-v0")
            .family("collections")
            .tags("perceptual", "two-alternative", "reaction time", "supervised")
            .description("PerceptualDecisionMaking-v0 under ReactionTime: after fixation a noisy stimulus favours one "
                    + "location; from the stimulus's second step on the agent may report that location at any time, "
                    + "which ends the trial; the trial also ends when the stimulus ends. The delay and decision "
                    + "timings are kept as parameters but unused, as under the reference's ReactionTime wrapper.")
            .paper("Response of neurons in the lateral intraparietal area during a combined visual discrimination "
                    + "reaction time task", "https://www.jneurosci.org/content/22/21/9475")
            .params(params(ParamSpec.integer("dim_ring", 2, "Number of stimulus locations (choices).").min(2)))
            // ReactionTime ends trials with the stimulus, but the contract's length check samples the task
            // below it, PerceptualDecisionMaking-v0, whose trials run through all four periods
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    t -> t.expectedSteps("fixation", "stimulus", "delay", "decision")))
            .compose((p, maker) -> maker.wrap(maker.make(BASE, p.asMap()), "ReactionTime", Map.of()));

    public static final TaskDescriptor IBL20 = TaskDescriptor.builder("perceptualdecisionmaking.ibl20-v0")
            .family("collections")
            .tags("perceptual", "two-alternative", "block", "supervised")
            .description("PerceptualDecisionMaking-v0 under RandomGroundTruth and ScheduleAttr, as in the International "
                    + "Brain Laboratory task: blocks of 90 trials alternate between favouring the first location "
                    + "(probability 0.8) and the second (0.8); the first block of an episode is drawn at random.")
            .paper("Standardized and reproducible measurement of decision-making in mice",
                    "https://elifesciences.org/articles/63711")
            .params(params(ParamSpec.integer("dim_ring", 2,
                    "Number of stimulus locations: 2, the two entries of the block probabilities.").oneOf(2)))
            .compose((p, maker) -> {
                Env drawn = maker.wrap(maker.make(BASE, p.asMap()), "RandomGroundTruth", Map.of());
                return maker.wrap(drawn, "ScheduleAttr", Map.of(
                        "schedule", "RandomBlock",
                        "block_lens", List.of(IBL_BLOCK_LENGTH, IBL_BLOCK_LENGTH),
                        "attr_list", List.of(Map.of("p", List.of(0.8, 0.2)), Map.of("p", List.of(0.2, 0.8)))));
            });
}
