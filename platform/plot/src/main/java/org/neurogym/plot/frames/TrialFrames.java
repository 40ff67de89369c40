package org.neurogym.plot.frames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.space.Box;

/**
 * The frames of a few trials of a task with uint8 image observations, as the trials drew them,
 * with each trial's periods: what {@code neurogym render} animates and lays out.
 */
public final class TrialFrames {
    /** One period of one trial: frames {@code [start, end)} of {@link #frames()}. */
    public record Period(int trial, String name, int start, int end) {}

    private final int height;
    private final int width;
    private final double dt;
    private final byte[] frames;
    private final int count;
    private final List<Period> periods;

    private TrialFrames(int height, int width, double dt, byte[] frames, int count, List<Period> periods) {
        this.height = height;
        this.width = width;
        this.dt = dt;
        this.frames = frames;
        this.count = count;
        this.periods = List.copyOf(periods);
    }

    /** True when {@code env} observes uint8 images (a pixel task). */
    public static boolean isPixelTask(Env env) {
        return env.observationSpace() instanceof Box b && b.isImage()
                && b.shape()[2] == 3 && TrialBased.nearest(env) != null;
    }

    /** Resets {@code env} with {@code seed} and collects the frames of its first {@code trials} trials. */
    public static TrialFrames record(Env env, long seed, int trials) {
        if (trials <= 0) throw new IllegalArgumentException("trials must be positive, got " + trials);
        if (!isPixelTask(env)) {
            throw new NeuroGymException(env.name() + " does not observe images (its observation space is " + env.observationSpace()
                    + "); neurogym plot draws its observations as traces");
        }
        int[] shape = ((Box) env.observationSpace()).shape();
        int size = shape[0] * shape[1] * 3;
        TrialBased tb = TrialBased.nearest(env);
        env.reset(seed);
        byte[] all = new byte[0];
        int count = 0;
        List<Period> periods = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            if (trial > 0) tb.newTrial(Map.of());
            int len = tb.trialLength();
            byte[] f = tb.trialFrames();
            if (f == null || f.length < len * size) throw new NeuroGymException(env.name() + ": the trial's frames are missing");
            all = Arrays.copyOf(all, (count + len) * size);
            System.arraycopy(f, 0, all, count * size, len * size);
            TrialEnv task = tb.task();
            for (String p : task.periods()) {
                periods.add(new Period(trial, p, count + task.periodStart(p), count + Math.min(len, task.periodEnd(p))));
            }
            count += len;
        }
        return new TrialFrames(shape[0], shape[1], env.dt(), all, count, periods);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The time step in ms (one frame). */
    public double dt() {
        return dt;
    }

    /** The number of frames. */
    public int count() {
        return count;
    }

    /** Frames back to back, each {@code [height][width][rgb]}. */
    public byte[] frames() {
        return frames;
    }

    /** Every period of every trial, in order. */
    public List<Period> periods() {
        return periods;
    }

    /** The periods of the frames are laid out in (empty periods left out). */
    List<Period> shownPeriods() {
        return periods.stream().filter(p -> p.end() > p.start()).toList();
    }

    /** Frame {@code t}'s pixel (x, y) as {@code 0xRRGGBB}. */
    int rgb(int t, int x, int y) {
        int i = (t * height * width + y * width + x) * 3;
        return (frames[i] & 0xFF) << 16 | (frames[i + 1] & 0xFF) << 8 | (frames[i + 2] & 0xFF);
    }
}
