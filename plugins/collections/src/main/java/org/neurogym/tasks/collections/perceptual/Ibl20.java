package org.neurogym.tasks.collections.perceptual;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The IBL task as the reference's collection builds it: PerceptualDecisionMaking whose ground
 * truth is drawn with block-wise biased probabilities. Blocks of 90 trials favour the first
 * location (p = 0.8, 0.2) or the second (0.2, 0.8); the block after a block is always the other
 * one (the reference's random block schedule over two blocks, which never repeats a block).
 */
public final class Ibl20 extends RandomDotsTask {

    /** Trials per block, for both blocks (the reference's {@code block_lens=[90, 90]}). */
    public static final int BLOCK_LENGTH = 90;
    /** The probability of choosing location 0 in block 0; block 1 mirrors it. */
    public static final double BIAS = 0.8;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("perceptualdecisionmaking.ibl20-v0")
            .family("collections")
            .tags("perceptual", "two-alternative", "block", "supervised")
            .description("PerceptualDecisionMaking with block-wise biased ground truth, as in the International Brain "
                    + "Laboratory task: blocks of 90 trials alternate between favouring the first location "
                    + "(probability 0.8) and the second (0.8); the first block of an episode is drawn at random. Needs "
                    + "dim_ring 2 (the block probabilities have two entries).")
            .paper("Standardized and reproducible measurement of decision-making in mice",
                    "https://elifesciences.org/articles/63711")
            .params(params())
            .build(Ibl20::new);

    private final double[][] blockP = {{BIAS, 1 - BIAS}, {1 - BIAS, BIAS}};
    private int block = -1;
    private int inBlock;

    public Ibl20(Params p) {
        super(p);
        if (dimRing != 2) {
            throw new org.neurogym.api.param.ParameterException("dim_ring",
                    "ibl20's block probabilities cover two choices: dim_ring must be 2, got " + dimRing);
        }
    }

    @Override
    protected void onReset() {
        block = -1;
        inBlock = 0;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        if (block < 0) {
            block = rng.integer(2);
            inBlock = 0;
        } else if (inBlock >= BLOCK_LENGTH) {
            block = 1 - block;
            inBlock = 0;
        }
        inBlock++;
        int b = trial.setDefault("block", block);
        if (b != 0 && b != 1) throw new NeuroGymException(name() + ": block must be 0 or 1, got " + b);
        trial.put("p", blockP[b].clone());
        int groundTruth = checkedGroundTruth(trial.setDefault("ground_truth", rng.weighted(blockP[b])));
        double coh = trial.setDefault("coh", rng.choice(cohs));

        addPeriods("fixation", "stimulus", "delay", "decision");
        writeStimulus(groundTruth, coh);
        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, abort);
    }
}
