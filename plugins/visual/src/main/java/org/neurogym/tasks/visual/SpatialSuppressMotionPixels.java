package org.neurogym.tasks.visual;

import java.awt.Graphics2D;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The reference's psychopy spatial-suppression task (Tadin et al. 2003) on pixels: a plaid of two
 * drifting gratings (45 and 135 degrees, the second at half opacity) in a raised-cosine aperture,
 * its contrast following a temporal envelope, moving left, right, up or down. The target at each
 * step is the measured human probability of reporting each direction after that much viewing.
 *
 * <p>Named {@code SpatialSuppressMotionPixels-v0} because {@code SpatialSuppressMotion-v0} is the
 * perceptual plugin's (the reference's native task with channel inputs); the reference registers
 * both under one id, and the psychopy one silently replaces the native one when psychopy is installed.
 */
public final class SpatialSuppressMotionPixels extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("SpatialSuppressMotionPixels-v0")
            .family("visual")
            .tags("visual", "perceptual", "plaid", "motion", "center-surround")
            .description("Spatial suppression of motion on pixels: a drifting plaid (two sine gratings of 12.8 cycles per "
                    + "stimulus, 3.2 Hz) in a raised-cosine aperture of the trial's diameter on a grey window, its "
                    + "contrast (0.05 or 0.99) ramped by a temporal envelope; four-alternative direction judgement "
                    + "(left, right, up, down) with no fixation or decision period. The ground truth at each step is "
                    + "the measured probability of reporting each direction; no reward is given. The pixel twin of "
                    + "SpatialSuppressMotion-v0.")
            .paper("Perceptual consequences of centre-surround antagonism in visual motion processing",
                    "https://www.nature.com/articles/nature01800")
            .params(ParamSpec.number("dt", 8.3, "Time step in ms (one frame of a 120 Hz display)."),
                    ParamSpec.timing(),
                    ParamSpec.rewards(),
                    ParamSpec.numbers("diameters", new double[] {1.0}, "Stimulus diameters in norm units, one drawn per trial "
                            + "(the reference fixes 1: half the window).").nonEmpty().positive().max(2),
                    Canvas.sizeParam(),
                    Canvas.antialiasParam())
            .contract(ContractExpectations.DEFAULT.withoutOracle("the target is a per-step probability vector with no "
                    + "reward rule; the task never sets performance"))
            .build(SpatialSuppressMotionPixels::new);

    private static final double[] CONTRASTS = {0.05, 0.99};
    /** Phase directions of the two gratings for left, right, up, down (the reference's directions_component). */
    private static final int[][] COMPONENTS = {{-1, 1}, {1, -1}, {-1, -1}, {1, 1}};
    private static final int[] ANTI = {1, 0, 3, 2};
    private static final int[][] ORTHO = {{2, 3}, {2, 3}, {0, 1}, {0, 1}};
    private static final double DEGREES = 16; // the field of view
    private static final double CYCLES_PER_DEGREE = 0.8;
    private static final double SPEED = 4; // degrees per second
    private static final double[] PROFILE = TemporalEnvelope.profile(0.1, 120);

    // the measured psychophysics: frame numbers (0-based) and the probabilities of the correct and opposite reports
    // (the same table as SpatialSuppressMotion-v0 of the perceptual plugin: plugins do not share code)
    private static final double[] FRAMES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 17, 20, 27, 35, 36, 37, 38};
    private static final double[] HIGH_CORRECT = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.249, 0.249, 0.249, 0.27, 0.32, 0.4583, 0.65, 0.85, 0.99, 0.99, 0.99, 0.99};
    private static final double[] HIGH_ANTI = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.249, 0.29, 0.31, 0.4, 0.475, 0.4167, 0.3083, 0.075, 0.04, 0.04, 0.03, 0.03};
    private static final double[] LOW_CORRECT = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.25, 0.26, 0.2583, 0.325, 0.45, 0.575, 0.875, 0.933, 0.99, 0.99, 0.99, 0.99};
    private static final double[] LOW_ANTI = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
        0.25, 0.26, 0.2583, 0.267, 0.1417, 0.1167, 0.058, 0.016, 0.003, 0.003, 0.003, 0.003};

    private final double[] diameters;
    private final Canvas canvas;
    private final double[] target = new double[4];
    private double paintedDiameter = Double.NaN;
    private Grating grating45;
    private Grating grating135;

    public SpatialSuppressMotionPixels(Params p) {
        super(p);
        diameters = p.getDoubles("diameters");
        canvas = Canvas.of(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0); // declared, never given
        defineTiming(p, "stimulus", 300);
        String[] names = {"left", "right", "up", "down"};
        Channel[] act = new Channel[4];
        for (int d = 0; d < 4; d++) act[d] = Channel.of(names[d], d);
        defineSpaces(Box.uint8Image(canvas.height(), canvas.width()), Box.of(4, 0, 1, act));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int direction = trial.setDefault("direction", 1 + rng.integer(4));
        double diameter = trial.setDefault("diameter", rng.choice(diameters));
        double contrast = trial.setDefault("contrast", rng.choice(CONTRASTS));
        if (!(diameter > 0 && diameter <= 2)) throw new ParameterException("diameter", "diameter must be in (0, 2] norm units, got " + diameter);
        if (direction < 1 || direction > 4) throw new ParameterException("direction", "direction must be 1 to 4, got " + direction);
        addPeriods("stimulus");

        int from = periodStart("stimulus");
        int to = periodEnd("stimulus");
        double cyclesPerStimulus = CYCLES_PER_DEGREE * DEGREES;
        double temporalFrequency = CYCLES_PER_DEGREE * SPEED;
        int[] comp = COMPONENTS[direction - 1];
        if (diameter != paintedDiameter) { // the gratings' geometry, computed once per diameter
            double w = diameter * canvas.xScale();
            double h = diameter * canvas.yScale();
            grating45 = new Grating(canvas.x(0), canvas.y(0), w, h, 45, cyclesPerStimulus);
            grating135 = new Grating(canvas.x(0), canvas.y(0), w, h, 135, cyclesPerStimulus);
            paintedDiameter = diameter;
        }
        byte[] frames = frames();
        Graphics2D g = canvas.graphics();
        for (int t = from; t < to; t++) {
            int i = t - from;
            // frames past the envelope's end (a stimulus longer than the reference's) show no grating
            double c = contrast * (i < PROFILE.length ? PROFILE[i] : 0);
            double drift = temporalFrequency * i * dt / 1000;
            canvas.clear(RandomDotMotion.BACKGROUND);
            grating45.frame(comp[0] * drift, c, 1.0).draw(g);
            grating135.frame(comp[1] * drift, c, 0.5).draw(g);
            canvas.copyTo(frames, t * observationSize());
        }
        setTargets(direction - 1, contrast >= 0.5, from, to);
    }

    /** The measured report probabilities, per frame of the stimulus, as the reference's getgroundtruth. */
    private void setTargets(int d0, boolean high, int from, int to) {
        double[] corr = high ? HIGH_CORRECT : LOW_CORRECT;
        double[] anti = high ? HIGH_ANTI : LOW_ANTI;
        float[] gt = groundTruthVectors();
        for (int t = from; t < to; t++) {
            double pc = interpolate(corr, t - from);
            double pa = interpolate(anti, t - from);
            double po = (1 - (pc + pa)) / 2;
            target[d0] = pc;
            target[ANTI[d0]] = pa;
            target[ORTHO[d0][0]] = po;
            target[ORTHO[d0][1]] = po;
            for (int k = 0; k < 4; k++) gt[t * 4 + k] = (float) target[k];
        }
    }

    /** Piecewise-linear interpolation of {@code y} over {@link #FRAMES}, extrapolating the end segments (scipy's slinear). */
    static double interpolate(double[] y, double x) {
        int n = FRAMES.length;
        int i = 1;
        while (i < n - 1 && x > FRAMES[i]) i++;
        return y[i - 1] + (y[i] - y[i - 1]) * (x - FRAMES[i - 1]) / (FRAMES[i] - FRAMES[i - 1]);
    }

    @Override
    protected void onStep(float[] action, StepResult out) {
        // no reward and no early end: the output is read at every step of the stimulus
    }
}
