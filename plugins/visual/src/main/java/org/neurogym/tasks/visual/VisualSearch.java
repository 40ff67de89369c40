package org.neurogym.tasks.visual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * The reference's psychopy visual search task: a sample line (an orientation and a colour) at
 * fixation, a delay, then lines at every target location, one identical to the sample and the
 * others differing in orientation or in colour; the agent points at the sample's location with a
 * two-dimensional action.
 */
public final class VisualSearch extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("VisualSearch-v0")
            .family("visual")
            .tags("visual", "perceptual", "supervised")
            .description("Visual search on pixels: a coloured, oriented sample line at the centre, a delay, then one line "
                    + "at each target location, one matching the sample and the others differing in orientation "
                    + "(delta_angle) or colour (delta_color); point at the match's location (a 2-D action within 0.1 of "
                    + "it). Observations are [height, width, 3] uint8 frames on psychopy's grey window.")
            .paper("Top-down versus bottom-up control of attention in the prefrontal and posterior parietal cortices",
                    "https://science.sciencemag.org/content/315/5820/1860")
            .params(ParamSpec.dt(16),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.matrix("target_centers", new double[][] {{0.5, 0.5}, {0.5, -0.5}, {-0.5, 0.5}, {-0.5, -0.5}},
                            "Centres of the search lines in norm units (x, y; the window spans -1 to 1).").nonEmpty(),
                    ParamSpec.number("length", 0.3, "Half the length of a line in norm units (the reference's length)."),
                    ParamSpec.number("delta_angle", 0.2 * Math.PI, "Orientation difference of a distractor, in radians."),
                    ParamSpec.numbers("delta_color", new double[] {0.2, -0.1, -0.1},
                            "Colour difference of a distractor (psychopy rgb, permuted per distractor).").length(3),
                    ParamSpec.number("line_width", 3, "Line width in pixels.").positive(),
                    Canvas.sizeParam(),
                    Canvas.antialiasParam())
            .build(VisualSearch::new);

    private final double[][] targetCenters;
    private final double length;
    private final double deltaAngle;
    private final double[] deltaColor;
    private final int n;
    private final Canvas canvas;
    private final Line2D.Double line = new Line2D.Double();
    private final double[] gt = new double[2];

    public VisualSearch(Params p) {
        super(p);
        targetCenters = p.getMatrix("target_centers");
        n = targetCenters.length;
        for (double[] c : targetCenters) {
            if (c.length != 2) throw new ParameterException("target_centers", "each target centre is [x, y], got " + c.length + " numbers");
        }
        length = p.getDouble("length");
        deltaAngle = p.getDouble("delta_angle");
        deltaColor = p.getDoubles("delta_color");
        double lineWidth = p.getDouble("line_width");
        canvas = Canvas.of(p);
        canvas.graphics().setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "sample", 1000, "delay", 500, "decision", 500);
        defineSpaces(Box.uint8Image(canvas.height(), canvas.width()),
                Box.of(2, -1, 1, Channel.of("x", 0), Channel.of("y", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // the draws in the reference's order: the sample, then each distractor, then the places
        double sampleAngle = rng.uniform(0, 2 * Math.PI);
        double[] sampleColor = {rng.uniform(), rng.uniform(), rng.uniform()};
        double[] angles = new double[n];
        double[] colors = new double[3 * n];
        angles[0] = sampleAngle;
        System.arraycopy(sampleColor, 0, colors, 0, 3);
        for (int i = 1; i < n; i++) {
            if (rng.uniform() > 0.5) {
                double a = sampleAngle + (rng.integer(2) == 0 ? 1 : -1) * deltaAngle;
                angles[i] = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
                System.arraycopy(sampleColor, 0, colors, 3 * i, 3);
            } else {
                double[] d = permutation(deltaColor);
                angles[i] = sampleAngle;
                for (int c = 0; c < 3; c++) colors[3 * i + c] = Math.max(0, Math.min(1, sampleColor[c] + d[c]));
            }
        }
        int[] order = permutation(n);
        double[] centers = new double[2 * n];
        for (int i = 0; i < n; i++) {
            centers[2 * i] = targetCenters[order[i]][0];
            centers[2 * i + 1] = targetCenters[order[i]][1];
        }
        angles = trial.setDefault("angles", angles);
        colors = trial.setDefault("colors", colors);
        centers = trial.setDefault("centers", centers);
        if (angles.length != n || colors.length != 3 * n || centers.length != 2 * n) {
            throw new NeuroGymException("VisualSearch: angles, colors and centers must hold " + n + ", " + 3 * n + " and "
                    + 2 * n + " numbers (one line per target centre)");
        }
        gt[0] = centers[0];
        gt[1] = centers[1];
        trial.put("ground_truth", gt.clone());

        addPeriods("fixation", "sample", "delay", "decision");
        canvas.clear(RandomDotMotion.BACKGROUND);
        paint("fixation");
        canvas.clear(RandomDotMotion.BACKGROUND);
        drawLine(0, 0, angles[0], colors, 0);
        paint("sample");
        paint("delay");
        canvas.clear(RandomDotMotion.BACKGROUND);
        for (int i = 0; i < n; i++) drawLine(centers[2 * i], centers[2 * i + 1], angles[i], colors, i);
        paint("decision");
        setGroundTruth(gt, "decision");
    }

    /** Copies the canvas into every frame of {@code period}, then clears it to the background. */
    private void paint(String period) {
        byte[] frames = frames();
        int from = periodStart(period);
        int to = periodEnd(period);
        if (to > from) canvas.copyTo(frames, from * observationSize());
        for (int t = from + 1; t < to; t++) canvas.repeat(frames, from, t);
        canvas.clear(RandomDotMotion.BACKGROUND);
    }

    /** Line {@code i}: centred on (cx, cy), at {@code angle}, {@code 2 * length} long, in its colour. */
    private void drawLine(double cx, double cy, double angle, double[] colors, int i) {
        double ex = length * Math.cos(angle);
        double ey = length * Math.sin(angle);
        line.setLine(canvas.x(cx - ex), canvas.y(cy - ey), canvas.x(cx + ex), canvas.y(cy + ey));
        Graphics2D g = canvas.graphics();
        g.setColor(new Color(Canvas.colour(colors[3 * i], colors[3 * i + 1], colors[3 * i + 2])));
        g.draw(line);
    }

    private int[] permutation(int size) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) p[i] = i;
        for (int i = size - 1; i > 0; i--) {
            int j = rng.integer(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private double[] permutation(double[] values) {
        int[] p = permutation(values.length);
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[p[i]];
        return out;
    }

    @Override
    protected void onStep(float[] action, StepResult out) {
        double a0 = action[0];
        double a1 = action[1];
        boolean moved = a0 * a0 + a1 * a1 > 0.01;
        if (inPeriod("fixation")) {
            if (moved) out.addReward(reward("abort"));
        } else if (inPeriod("decision") && moved) {
            out.setNewTrial(true);
            double e0 = a0 - gt[0];
            double e1 = a1 - gt[1];
            if (e0 * e0 + e1 * e1 < 0.01) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(reward("fail"));
            }
        }
    }
}
