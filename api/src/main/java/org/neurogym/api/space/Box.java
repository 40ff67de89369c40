package org.neurogym.api.space;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.neurogym.api.Rng;

/**
 * A box of values with per-element bounds (possibly infinite) and named channels: float32 by
 * default, or uint8 for pixel observations ({@link #uint8Image}), whose observations travel as
 * bytes ({@link org.neurogym.api.StepResult#observationBytes()}, {@link org.neurogym.api.TrialBased#trialFrames()}).
 */
public final class Box implements Space {

    /** The element type of a box, as numpy names it. */
    public enum DType {
        FLOAT32("float32"),
        UINT8("uint8");

        private final String numpyName;

        DType(String numpyName) {
            this.numpyName = numpyName;
        }

        /** The numpy dtype name ({@code float32}, {@code uint8}): what TaskInfo and the Python package report. */
        public String numpyName() {
            return numpyName;
        }
    }

    private final DType dtype;
    private final int[] shape;
    private final float[] low;
    private final float[] high;
    private final Map<String, int[]> channels;

    public Box(int[] shape, float[] low, float[] high, Channel... channels) {
        this(DType.FLOAT32, shape, low, high, channels);
    }

    private Box(DType dtype, int[] shape, float[] low, float[] high, Channel... channels) {
        this.dtype = dtype;
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

    /**
     * A {@code [height, width, 3]} uint8 image, Gymnasium's {@code Box(0, 255, (h, w, 3), uint8)}:
     * row-major, the three colour values of a pixel adjacent in the order red, green, blue (element
     * {@code (y * width + x) * 3 + c}); the channels {@code red}, {@code green} and {@code blue} name
     * every third element.
     */
    public static Box uint8Image(int height, int width) {
        if (height <= 0 || width <= 0) throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        int n = height * width * 3;
        float[] lo = new float[n];
        float[] hi = new float[n];
        Arrays.fill(hi, 255f);
        String[] names = {"red", "green", "blue"};
        Channel[] colours = new Channel[3];
        for (int c = 0; c < 3; c++) {
            int[] idx = new int[height * width];
            for (int i = 0; i < idx.length; i++) idx[i] = i * 3 + c;
            colours[c] = new Channel(names[c], idx);
        }
        return new Box(DType.UINT8, new int[] {height, width, 3}, lo, hi, colours);
    }

    /** True for a {@link #uint8Image}, the only uint8 box: observations that travel as bytes, never widened to floats. */
    public boolean isImage() {
        return dtype == DType.UINT8;
    }

    /** The element type: float32, or uint8 for pixel observations. */
    public DType dtype() {
        return dtype;
    }

    /** This box with extra channels appended (a wrapper that adds inputs). */
    public Box extend(int extra, double low, double high, Channel... added) {
        if (shape.length != 1 || dtype != DType.FLOAT32) throw new IllegalStateException("only 1-D float32 boxes can be extended, not " + this);
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

    /**
     * True when {@code x} has this box's size and every element lies within its bounds (and, in a
     * uint8 box, is a whole number).
     */
    public boolean contains(float[] x) {
        if (x == null || x.length != low.length) return false;
        boolean whole = dtype == DType.UINT8;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) return false;
            if (whole && x[i] != Math.rint(x[i])) return false;
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
            if (lo && hi && dtype == DType.UINT8) v = Math.min(high[i], Math.floor(rng.uniform(low[i], high[i] + 1.0)));
            else if (lo && hi) v = rng.uniform(low[i], high[i]);
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
        if (dtype == DType.UINT8) {
            // an image's channels hold thousands of indices: name them only
            return "Box" + Arrays.toString(shape) + " uint8" + (channels.isEmpty() ? "" : "{" + String.join(", ", channels.keySet()) + "}");
        }
        return "Box" + Arrays.toString(shape) + (channels.isEmpty() ? "" : "{" + Channel.describe(channels) + "}");
    }
}
