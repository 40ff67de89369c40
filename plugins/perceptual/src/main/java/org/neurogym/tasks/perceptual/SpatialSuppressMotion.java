package org.neurogym.tasks.perceptual;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Spatial suppression of motion (centre-surround antagonism): a moving grating of a given size
 * and contrast drives four direction-selective pools; the target at each step is the measured
 * human probability of reporting each of the four directions after that much viewing time.
 */
public final class SpatialSuppressMotion extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("SpatialSuppressMotion-v0")
            .family("perceptual")
            .tags("perceptual", "plaid", "motion", "center-surround")
            .description("Four-alternative motion direction judgement without fixation or decision period. The input is "
                    + "four pools of eight units, one pool per direction (left, right, up, down); a stimulus drives as "
                    + "many units of each pool as its diameter, in proportion to its contrast and to how close the "
                    + "pool's direction is to the motion. Trials are small/low-contrast or large/high-contrast. The "
                    + "ground truth is a continuous target: at each step, the probability that a human reports each "
                    + "direction after viewing for that long. No reward is given.")
            .paper("Perceptual consequences of centre-surround antagonism in visual motion processing",
                    "https://www.nature.com/articles/nature01800")
            .params(ParamSpec.number("dt", 8.3, "Time step in ms (one frame of a 120 Hz display)."),
                    ParamSpec.timing(),
                    ParamSpec.rewards())
            .contract(ContractExpectations.DEFAULT.withoutOracle("the target is a per-step probability vector with no "
                    + "reward rule; the task never sets performance"))
            .build(SpatialSuppressMotion::new);

    private static final int DIRECTIONS = 4;
    private static final int SIZES = 8;
    private static final double[] THETA = {-Math.PI / 2, Math.PI / 2, 0, Math.PI}; // left, right, up, down
    private static final int[] ANTI = {1, 0, 3, 2};
    private static final int[][] ORTHO = {{2, 3}, {2, 3}, {0, 1}, {0, 1}};
    private static final double[] CONTRASTS = {0.05, 0.99};

    // measured psychophysics: frame numbers (0-based) and probabilities of the correct and opposite reports
    private static final double[] FRAMES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 17, 20, 27, 35, 36, 37, 38};
    private static final double[] HIGH_CORRECT = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.249, 0.249, 0.249, 0.27, 0.32, 0.4583, 0.65, 0.85, 0.99, 0.99, 0.99, 0.99};
    private static final double[] HIGH_ANTI = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.249, 0.29, 0.31, 0.4, 0.475, 0.4167, 0.3083, 0.075, 0.04, 0.04, 0.03, 0.03};
    private static final double[] LOW_CORRECT = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.25, 0.26, 0.2583, 0.325, 0.45, 0.575, 0.875, 0.933, 0.99, 0.99, 0.99, 0.99};
    private static final double[] LOW_ANTI = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.25, 0.26, 0.2583, 0.267, 0.1417, 0.1167, 0.058, 0.016, 0.003, 0.003, 0.003, 0.003};

    private final double[] stim = new double[DIRECTIONS * SIZES];
    private final double[] target = new double[DIRECTIONS];

    public SpatialSuppressMotion(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0); // declared, never given
        defineTiming(p, "stimulus", 300);
        String[] names = {"left", "right", "up", "down"};
        Channel[] obs = new Channel[DIRECTIONS];
        Channel[] act = new Channel[DIRECTIONS];
        for (int d = 0; d < DIRECTIONS; d++) {
            obs[d] = Channel.range(names[d], d * SIZES, (d + 1) * SIZES);
            act[d] = Channel.of(names[d], d);
        }
        defineSpaces(Box.of(DIRECTIONS * SIZES, 0, Double.POSITIVE_INFINITY, obs), Box.of(DIRECTIONS, 0, 1, act));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int direction = trial.setDefaultWithin("direction", 1 + rng.integer(DIRECTIONS), 1, DIRECTIONS);
        double contrast = trial.setDefault("contrast", rng.choice(CONTRASTS));
        int diameter;
        if (contrast == 0.05) {
            diameter = 1; // small, low contrast
        } else if (contrast == 0.99) {
            diameter = SIZES; // large, high contrast
        } else if (trial.get("diameter") instanceof Number n) {
            diameter = Trial.within("diameter", n.intValue(), 0, SIZES);
        } else {
            throw new NeuroGymException("a contrast other than 0.05 or 0.99 needs a 'diameter' (0 to 8) in the trial facts");
        }
        trial.put("diameter", diameter);

        addPeriods("stimulus");
        int from = periodStart("stimulus");
        int to = periodEnd("stimulus");

        int d0 = direction - 1;
        for (int d = 0; d < DIRECTIONS; d++) {
            double drive = (Math.cos(THETA[d] - THETA[d0]) + 1) * contrast / 2;
            for (int s = 0; s < SIZES; s++) stim[d * SIZES + s] = s < diameter ? drive : 0;
        }
        setOb(stim, "stimulus");

        // high-contrast curves for contrast above one half, low-contrast ones otherwise
        boolean high = contrast >= 0.5;
        double[] corr = high ? HIGH_CORRECT : LOW_CORRECT;
        double[] anti = high ? HIGH_ANTI : LOW_ANTI;
        float[] gt = groundTruthVectors();
        for (int t = from; t < to; t++) {
            double frame = t - from;
            double pc = interpolate(corr, frame);
            double pa = interpolate(anti, frame);
            double po = (1 - (pc + pa)) / 2;
            target[d0] = pc;
            target[ANTI[d0]] = pa;
            target[ORTHO[d0][0]] = po;
            target[ORTHO[d0][1]] = po;
            for (int k = 0; k < DIRECTIONS; k++) gt[t * DIRECTIONS + k] = (float) target[k];
        }
    }

    /** Piecewise-linear interpolation of {@code y} over {@link #FRAMES}, extrapolating the end segments. */
    static double interpolate(double[] y, double x) {
        int n = FRAMES.length;
        int i = 1;
        while (i < n - 1 && x > FRAMES[i]) i++;
        double x0 = FRAMES[i - 1];
        double x1 = FRAMES[i];
        return y[i - 1] + (y[i] - y[i - 1]) * (x - x0) / (x1 - x0);
    }

    @Override
    protected void onStep(float[] action, StepResult out) {
        // no reward and no early end: the output is read at every step of the stimulus
    }
}
