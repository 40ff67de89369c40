package org.neurogym.api.space;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.neurogym.api.Rng;

/** A box of float32 values with per-element bounds (possibly infinite) and named channels. */
public final class Box implements Space {
    private final int[] shape;
    private final float[] low;
    private final float[] high;
    private final Map<String, int[]> channels;

    public Box(int[] shape, float[] low, float[] high, Channel... channels) {
        this.shape = shape.clone();
        int size = 1;
        for (int d : shape) {
            if (d <= 0) throw new IllegalArgumentException("Box dimensions must be positive, got " + Arrays.toString(shape));
            size *= d;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds must have " + size + " elements");
        }
        for (int i = 0; i < size; i++) {
            if (!(low[i] <= high[i])) throw new IllegalArgumentException("Box low[" + i + "] > high[" + i + "]");
        }
        this.low = low.clone();
        this.high = high.clone();
        this.channels = Collections.unmodifiableMap(Channel.table(size, channels, "Box" + Arrays.toString(shape)));
    }

    /** A 1-D box of {@code n} elements with the same bounds everywhere. */
    public static Box of(int n, double low, double high, Channel... channels) {
        float[] lo = new float[n];
        float[] hi = new float[n];
        Arrays.fill(lo, (float) low);
        Arrays.fill(hi, (float) high);
        return new Box(new int[] {n}, lo, hi, channels);
    }

    /** A 1-D box of {@code n} unbounded elements, the usual observation space. */
    public static Box unbounded(int n, Channel... channels) {
        return of(n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, channels);
    }

    /** This box with extra channels appended (a wrapper that adds inputs). */
    public Box extend(int extra, double low, double high, Channel... added) {
        if (shape.length != 1) throw new IllegalStateException("only 1-D boxes can be extended");
        int n = size() + extra;
        float[] lo = Arrays.copyOf(this.low, n);
        float[] hi = Arrays.copyOf(this.high, n);
        Arrays.fill(lo, size(), n, (float) low);
        Arrays.fill(hi, size(), n, (float) high);
        Channel[] all = new Channel[channels.size() + added.length];
        int i = 0;
        for (Map.Entry<String, int[]> e : channels.entrySet()) all[i++] = new Channel(e.getKey(), e.getValue());
        for (Channel c : added) all[i++] = c;
        return new Box(new int[] {n}, lo, hi, all);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (the product of the shape). */
    public int size() {
        return low.length;
    }

    public float low(int i) {
        return low[i];
    }

    public float high(int i) {
        return high[i];
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    @Override
    public Map<String, int[]> channels() {
        return channels;
    }

    /** True when {@code x} has this box's size and every element lies within its bounds. */
    public boolean contains(float[] x) {
        if (x == null || x.length != low.length) return false;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) return false;
        }
        return true;
    }

    /**
     * Fills {@code out} with a sample: uniform on bounded elements, normal on unbounded ones and
     * shifted exponential on half-bounded ones, as Gymnasium samples boxes.
     */
    public float[] sample(Rng rng, float[] out) {
        for (int i = 0; i < low.length; i++) {
            boolean lo = Float.isFinite(low[i]);
            boolean hi = Float.isFinite(high[i]);
            double v;
            if (lo && hi) v = rng.uniform(low[i], high[i]);
            else if (lo) v = low[i] + rng.exponential(1.0);
            else if (hi) v = high[i] - rng.exponential(1.0);
            else v = rng.gaussian();
            out[i] = (float) v;
        }
        return out;
    }

    public float[] sample(Rng rng) {
        return sample(rng, new float[low.length]);
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(shape) + (channels.isEmpty() ? "" : "{" + Channel.describe(channels) + "}");
    }
}
