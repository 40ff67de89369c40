package org.neurogym.tasks.visual;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A Java2D image of psychopy's {@code GratingStim} with a sine texture and a raised-cosine mask:
 * at a point {@code (X, Y)} of the stimulus (in stimulus widths from its centre, y up) rotated by
 * {@code ori} degrees clockwise to {@code (u, v)}, the grey level is {@code contrast * cos(2 pi
 * (cycles * u - phase))} in psychopy's rgb units and the opacity is {@code opacity} times the mask:
 * 1 within radius 0.4 (of a stimulus 1 wide), falling as a raised cosine to 0 at radius 0.5
 * (psychopy's {@code fringeWidth} 0.2). Java2D composites it (non-premultiplied ARGB, source over)
 * over what the canvas holds.
 */
final class Grating {
    private static final double FRINGE = 0.2;

    private final Rectangle2D bounds;
    private final int left;
    private final int top;
    private final int columns;
    private final int rows;
    // per pixel of the bounding box: the texture's cos and sin at phase 0, and the mask
    private final double[] cosU;
    private final double[] sinU;
    private final double[] mask;
    private double cosPhase = 1;
    private double sinPhase;
    private double contrast;
    private double opacity = 1;
    private final BufferedImage image;
    private final int[] sprite;

    /**
     * @param centreX the centre in pixels
     * @param width the stimulus width and height in pixels
     * @param ori degrees, clockwise
     * @param cycles cycles per stimulus width (psychopy's sf in norm units)
     */
    Grating(double centreX, double centreY, double width, double height, double ori, double cycles) {
        this.bounds = new Rectangle2D.Double(centreX - width / 2, centreY - height / 2, width, height);
        this.left = (int) Math.floor(bounds.getMinX());
        this.top = (int) Math.floor(bounds.getMinY());
        this.columns = (int) Math.ceil(bounds.getMaxX()) - left;
        this.rows = (int) Math.ceil(bounds.getMaxY()) - top;
        this.cosU = new double[columns * rows];
        this.sinU = new double[columns * rows];
        this.mask = new double[columns * rows];
        this.image = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_ARGB);
        this.sprite = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        double cos = Math.cos(Math.toRadians(ori));
        double sin = Math.sin(Math.toRadians(ori));
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                // the pixel's centre in stimulus widths from the stimulus centre, y up, then rotated
                double x = (left + i + 0.5 - centreX) / width;
                double y = (centreY - (top + j + 0.5)) / height;
                double u = x * cos - y * sin;
                double v = x * sin + y * cos;
                double r = 2 * Math.sqrt(u * u + v * v);
                int k = j * columns + i;
                mask[k] = r <= 1 - FRINGE ? 1 : r >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * (r - (1 - FRINGE)) / FRINGE));
                cosU[k] = Math.cos(2 * Math.PI * cycles * u);
                sinU[k] = Math.sin(2 * Math.PI * cycles * u);
            }
        }
    }

    /** Sets the frame's phase (cycles), contrast and opacity. */
    Grating frame(double phase, double contrast, double opacity) {
        this.cosPhase = Math.cos(2 * Math.PI * phase);
        this.sinPhase = Math.sin(2 * Math.PI * phase);
        this.contrast = contrast;
        this.opacity = opacity;
        return this;
    }

    /** The area to fill, in pixels. */
    Rectangle2D bounds() {
        return bounds;
    }

    /** The ARGB colour of pixel {@code (px, py)}: cos(a - b) = cos a cos b + sin a sin b of the texture and the phase. */
    int argb(int px, int py) {
        int i = px - left;
        int j = py - top;
        if (i < 0 || j < 0 || i >= columns || j >= rows) return 0;
        int k = j * columns + i;
        int grey = Canvas.intensity(contrast * (cosU[k] * cosPhase + sinU[k] * sinPhase));
        int alpha = (int) Math.rint(255 * mask[k] * opacity);
        return alpha << 24 | grey << 16 | grey << 8 | grey;
    }

    /** Draws the grating of the current frame over what the canvas holds (Java2D's source-over compositing). */
    void draw(Graphics2D g) {
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) sprite[j * columns + i] = argb(left + i, top + j);
        }
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(image, left, top, null);
    }
}
