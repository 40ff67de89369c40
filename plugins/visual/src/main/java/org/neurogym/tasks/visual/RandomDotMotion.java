package org.neurogym.tasks.visual;

import java.awt.Color;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The reference's psychopy random-dot motion task: fixate a grey screen, watch a field of moving
 * dots in which a share of the dots (the coherence) moves in one of {@code dim_ring} directions,
 * then report the direction. Every frame of the stimulus is drawn when the trial is built.
 */
public final class RandomDotMotion extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("RandomDotMotion-v0")
            .family("visual")
            .tags("visual", "perceptual", "two-alternative", "supervised")
            .description("Random-dot motion discrimination on pixels: white dots on a grey window, a share of them "
                    + "(the coherence) moving coherently in one of dim_ring directions during the stimulus; report the "
                    + "direction in the decision period. Observations are [height, width, 3] uint8 frames, one per "
                    + "16 ms step, drawn with psychopy DotStim's rules (30 dots of 1 pixel, life 10 frames).")
            .paper("The analysis of visual motion: a comparison of neuronal and psychophysical performance",
                    "https://www.jneurosci.org/content/12/12/4745")
            .params(ParamSpec.dt(16),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("stim_scale", 1.0, "Scales the coherences (0, 6.4, 12.8, 25.6, 51.2 %)."),
                    ParamSpec.integer("dim_ring", 2, "Number of motion directions (choices), evenly spaced from rightward.").min(2),
                    ParamSpec.integer("n_dots", 30, "Dots in the field (psychopy nDots).").min(1),
                    ParamSpec.number("dot_size", 1, "Side of a dot in pixels (psychopy dotSize).").positive(),
                    ParamSpec.number("speed", 0.05, "Dot displacement per frame in norm units (psychopy speed)."),
                    ParamSpec.integer("dot_life", 10, "Frames a dot lives before it is redrawn elsewhere (psychopy dotLife; 0: forever)."),
                    ParamSpec.number("field_size", 1.0, "Diameter of the circular dot field in norm units (the window is 2 wide).").positive(),
                    Canvas.sizeParam(),
                    Canvas.antialiasParam())
            .build(RandomDotMotion::new);

    /** psychopy's default window colour, rgb (0, 0, 0): mid grey. */
    static final int BACKGROUND = Canvas.colour(0, 0, 0);
    private static final Color DOTS = Color.WHITE;
    private static final double[] COHERENCES = {0, 6.4, 12.8, 25.6, 51.2};

    private final int dimRing;
    private final double[] cohs;
    private final double[] theta;
    private final Canvas canvas;
    private final DotField dots;

    public RandomDotMotion(Params p) {
        super(p);
        dimRing = p.getInt("dim_ring");
        double scale = p.getDouble("stim_scale");
        cohs = new double[COHERENCES.length];
        for (int i = 0; i < cohs.length; i++) cohs[i] = COHERENCES[i] * scale;
        theta = new double[dimRing];
        for (int i = 0; i < dimRing; i++) theta[i] = 2 * Math.PI * i / dimRing;
        int nDots = p.getInt("n_dots");
        double dotSize = p.getDouble("dot_size");
        double fieldSize = p.getDouble("field_size");
        canvas = Canvas.of(p);
        dots = new DotField(nDots, fieldSize, p.getDouble("speed"), p.getInt("dot_life"), dotSize);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 100, "stimulus", 2000, "decision", 100);
        defineSpaces(Box.uint8Image(canvas.height(), canvas.width()),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefault("ground_truth", rng.integer(dimRing));
        double coh = trial.setDefault("coh", rng.choice(cohs));
        if (groundTruth < 0 || groundTruth >= dimRing) {
            throw new ParameterException("ground_truth", "ground_truth must be 0 to " + (dimRing - 1) + ", got " + groundTruth);
        }
        addPeriods("fixation", "stimulus", "decision");

        byte[] frames = frames();
        int size = observationSize();
        int from = periodStart("stimulus");
        int to = periodEnd("stimulus");
        canvas.clear(BACKGROUND);
        int blank = from > 0 ? 0 : to; // fixation and decision show the empty window: draw it once, copy it
        if (blank < trialLength()) canvas.copyTo(frames, blank * size);
        for (int t = 0; t < trialLength(); t++) {
            if ((t < from || t >= to) && t != blank) canvas.repeat(frames, blank, t);
        }
        dots.start(rng, coh / 100, theta[groundTruth]);
        for (int t = from; t < to; t++) {
            dots.advance(rng);
            canvas.clear(BACKGROUND);
            dots.draw(canvas, DOTS);
            canvas.copyTo(frames, t * size);
        }
        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);
    }

    /** The dot field (for tests of its motion). */
    DotField dots() {
        return dots;
    }
}
