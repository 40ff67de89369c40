package org.neurogym.tasks.contrib;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The International Brain Laboratory's visual discrimination as one-step trials: two noisy
 * evidence inputs, one per side, and the agent picks the side with the larger. In the block
 * version the side is drawn with a bias that changes every 200 trials.
 */
public final class IBL extends TrialEnv {

    private static final String PAPER = "An International Laboratory for Systems and Computational Neuroscience";
    private static final String LINK = "https://www.sciencedirect.com/science/article/pii/S0896627317311364";
    private static final double SIGMA = 0.10;
    private static final double[] COHS = {1.6, 3.2, 6.4, 12.8, 25.6, 51.2};
    private static final double[][] BLOCK_P = {{0.2, 0.8}, {0.8, 0.2}, {0.5, 0.5}};

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("IBL-v0")
            .family("contrib")
            .tags("perceptual", "two-alternative", "supervised")
            .description("One-step trials: each side's input is 0.5 plus or minus half the trial's coherence (in %/100) "
                    + "with Gaussian noise (sd 0.1); the agent chooses the side with the larger input. Sides are "
                    + "equally likely.")
            .paper(PAPER, LINK)
            .params(ParamSpec.dt(100), ParamSpec.rewards())
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> 1))
            .build(p -> new IBL(p, false));

    public static final TaskDescriptor BLOCK = TaskDescriptor.builder("IBL_Block-v0")
            .family("contrib")
            .tags("perceptual", "two-alternative", "block", "supervised")
            .description("IBL-v0 with biased blocks: every 200 trials a block is drawn at random among P(left) = 0.2, "
                    + "0.8 and 0.5, and the side of each trial is drawn with that probability.")
            .paper(PAPER, LINK)
            .params(ParamSpec.dt(100))
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> 1))
            .build(p -> new IBL(p, true));

    /** Trials per block of the block version. */
    public static final int BLOCK_SIZE = 200;

    private final boolean blocks;
    private int block;
    private int inBlock;
    private int side;

    IBL(Params p, boolean blocks) {
        super(p);
        this.blocks = blocks;
        defineRewards(p, "correct", 1.0, "fail", 0.0);
        defineTiming(p);
        defineSpaces(Box.unbounded(2, Channel.range("stimulus", 0, 2)), new Discrete(2, Channel.range("choice", 0, 2)));
        defineChoices(0, "choice");
    }

    @Override
    protected void onReset() {
        block = 2;
        inBlock = BLOCK_SIZE;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        double[] p = BLOCK_P[2];
        if (blocks) {
            if (inBlock >= BLOCK_SIZE) {
                block = rng.integer(3);
                inBlock = 0;
            }
            inBlock++;
            trial.put("block", block);
            p = BLOCK_P[block];
        }
        side = trial.setDefault("ground_truth", rng.weighted(p));
        if (side != 0 && side != 1) throw new NeuroGymException(name() + ": ground_truth must be 0 or 1, got " + side);
        double coh = trial.setDefault("coh", rng.choice(COHS));
        addPeriod("stimulus", dt);
        addOb(0.5 + coh / 200, "stimulus", side);
        addOb(0.5 - coh / 200, "stimulus", 1 - side);
        addRandn(0, SIGMA, "stimulus");
        setGroundTruth(side);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        out.setNewTrial(true);
        if (action == side) {
            out.addReward(reward("correct"));
            performance = 1;
        } else {
            out.addReward(reward("fail"));
        }
    }
}
