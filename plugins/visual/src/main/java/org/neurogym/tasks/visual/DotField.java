package org.neurogym.tasks.visual;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.neurogym.api.Rng;

/**
 * A random-dot kinematogram as psychopy's {@code DotStim} moves it with {@code signalDots="same"},
 * {@code noiseDots="direction"} and a circular field: the first {@code coherence * n} dots (rounded
 * down) are signal dots moving in the stimulus direction, the others keep a random direction of
 * their own; every dot moves {@code speed} field units per frame; a dot lives {@code dotLife}
 * frames (the first lives are random) and a dead dot, or one that left the field, is reborn at a
 * random place in the field. Dots are squares of {@code dotSize} pixels.
 *
 * <p>The state is flat arrays reused from trial to trial; all randomness comes from the task's {@link Rng}.
 */
final class DotField {
    private final int n;
    private final double fieldRadius;
    private final double speed;
    private final int dotLife;
    private final double dotSize;
    private final double[] x;
    private final double[] y;
    private final double[] life;
    private final double[] dx;
    private final double[] dy;
    private final Rectangle2D.Double dot = new Rectangle2D.Double();
    private int signal;

    /**
     * @param fieldSize the field's diameter in norm units
     * @param speed norm units per frame
     * @param dotLife frames a dot lives (0 or less: forever)
     * @param dotSize the side of a dot in pixels
     */
    DotField(int n, double fieldSize, double speed, int dotLife, double dotSize) {
        this.n = n;
        this.fieldRadius = fieldSize / 2;
        this.speed = speed;
        this.dotLife = dotLife;
        this.dotSize = dotSize;
        this.x = new double[n];
        this.y = new double[n];
        this.life = new double[n];
        this.dx = new double[n];
        this.dy = new double[n];
    }

    /** New dots for a trial: positions, lives and directions ({@code direction} in radians, counter-clockwise from rightward). */
    void start(Rng rng, double coherence, double direction) {
        signal = (int) (coherence * n);
        for (int i = 0; i < n; i++) {
            place(rng, i);
            life[i] = Math.abs(dotLife) * rng.uniform();
            double dir = i < signal ? direction : rng.uniform(0, 2 * Math.PI);
            dx[i] = speed * Math.cos(dir);
            dy[i] = speed * Math.sin(dir);
        }
    }

    /** The number of signal dots. */
    int signalDots() {
        return signal;
    }

    /** One frame of motion, as DotStim does before each draw. */
    void advance(Rng rng) {
        double r2 = fieldRadius * fieldRadius;
        for (int i = 0; i < n; i++) {
            boolean dead = false;
            if (dotLife > 0) {
                life[i] -= 1;
                if (life[i] <= 0) {
                    life[i] = dotLife;
                    dead = true;
                }
            }
            x[i] += dx[i];
            y[i] += dy[i];
            if (dead || x[i] * x[i] + y[i] * y[i] > r2) place(rng, i);
        }
    }

    /** Draws the dots in {@code rgb} on {@code canvas}, the field centred in the window. */
    void draw(Canvas canvas, Color rgb) {
        Graphics2D g = canvas.graphics();
        g.setColor(rgb);
        double half = dotSize / 2;
        boolean aa = canvas.antialias();
        for (int i = 0; i < n; i++) {
            double left = canvas.x(x[i]) - half;
            double top = canvas.y(y[i]) - half;
            if (aa) {
                dot.setRect(left, top, dotSize, dotSize);
                g.fill(dot);
            } else {
                // the pixels whose centres the square covers, as Java2D fills any shape without antialiasing,
                // through fillRect's integer fast path
                int x0 = (int) Math.ceil(left - 0.5);
                int y0 = (int) Math.ceil(top - 0.5);
                int x1 = (int) Math.ceil(left + dotSize - 0.5);
                int y1 = (int) Math.ceil(top + dotSize - 0.5);
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
    }

    /** Dot {@code i}'s position in norm units (for tests: x at {@code out[0]}, y at {@code out[1]}). */
    void position(int i, double[] out) {
        out[0] = x[i];
        out[1] = y[i];
    }

    /** A uniform place in the circular field: uniform in the unit disc by rejection, scaled to the field. */
    private void place(Rng rng, int i) {
        double u;
        double v;
        do {
            u = rng.uniform(-1, 1);
            v = rng.uniform(-1, 1);
        } while (u * u + v * v >= 1);
        x[i] = u * fieldRadius;
        y[i] = v * fieldRadius;
    }
}
