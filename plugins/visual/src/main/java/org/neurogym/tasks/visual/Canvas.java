package org.neurogym.tasks.visual;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;

/**
 * The window a visual task draws into: a headless Java2D image of {@code width x height} pixels
 * in psychopy's "norm" units (x and y from -1 to 1, y up, the origin at the centre), copied out as
 * {@code [height][width][rgb]} bytes.
 *
 * <p>Every rendering hint is set explicitly, no font is ever used and the image lives in memory
 * (software loops, no display, no GPU), so a frame is the same bytes on every machine running the
 * same JDK.
 */
final class Canvas {
    static {
        // Java2D needs no display for images in memory, but must not try to find one either.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private final int width;
    private final int height;
    private final BufferedImage image;
    private final int[] pixels;
    private final Graphics2D g;
    private final boolean antialias;

    Canvas(int width, int height, boolean antialias) {
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.g = image.createGraphics();
        this.antialias = antialias;
        Object aa = antialias ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_RESOLUTION_VARIANT, RenderingHints.VALUE_RESOLUTION_VARIANT_BASE);
    }

    /** The window's {@code size} parameter: width and height in pixels, psychopy's {@code win_kwargs["size"]}. */
    static ParamSpec sizeParam() {
        return ParamSpec.integers("size", new int[] {100, 100}, "Window width and height in pixels; observations are "
                + "[height, width, 3] uint8 (red, green, blue).").length(2).range(1, 4096);
    }

    /** The window's {@code antialias} parameter. */
    static ParamSpec antialiasParam() {
        return ParamSpec.bool("antialias", false, "Draw with antialiasing (psychopy's window draws without by default).");
    }

    /** The canvas the {@code size} and {@code antialias} parameters describe. */
    static Canvas of(Params p) {
        int[] size = p.getInts("size");
        return new Canvas(size[0], size[1], p.getBoolean("antialias"));
    }

    /** True when drawing antialiased. */
    boolean antialias() {
        return antialias;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The frame's size in bytes. */
    int frameSize() {
        return width * height * 3;
    }

    /** The graphics to draw with, in pixel coordinates (convert with {@link #x} and {@link #y}). */
    Graphics2D graphics() {
        return g;
    }

    /** The pixel abscissa of norm-unit {@code x} (-1 is the left edge, 1 the right one). */
    double x(double x) {
        return (x + 1) * 0.5 * width;
    }

    /** The pixel ordinate of norm-unit {@code y} (1 is the top edge, -1 the bottom one). */
    double y(double y) {
        return (1 - y) * 0.5 * height;
    }

    /** Pixels per norm unit horizontally. */
    double xScale() {
        return 0.5 * width;
    }

    /** Pixels per norm unit vertically. */
    double yScale() {
        return 0.5 * height;
    }

    /** Fills the whole window with one colour ({@code 0xRRGGBB}). */
    void clear(int rgb) {
        Arrays.fill(pixels, rgb & 0xFFFFFF);
    }

    /** Copies frame {@code from} of {@code frames} over frame {@code to} (a still stimulus shown for several steps). */
    void repeat(byte[] frames, int from, int to) {
        int size = frameSize();
        System.arraycopy(frames, from * size, frames, to * size, size);
    }

    /** Copies the window into {@code out} from {@code offset}, as {@code [height][width][rgb]} bytes. */
    void copyTo(byte[] out, int offset) {
        int o = offset;
        for (int p : pixels) {
            out[o] = (byte) (p >>> 16);
            out[o + 1] = (byte) (p >>> 8);
            out[o + 2] = (byte) p;
            o += 3;
        }
    }

    /** A psychopy "rgb" colour value (-1 to 1, 0 is mid grey) as an 8-bit intensity. */
    static int intensity(double rgb) {
        double v = Math.rint((rgb + 1) * 127.5);
        return (int) Math.max(0, Math.min(255, v));
    }

    /** A psychopy "rgb" colour triple as {@code 0xRRGGBB}. */
    static int colour(double r, double g, double b) {
        return intensity(r) << 16 | intensity(g) << 8 | intensity(b);
    }
}
