package org.neurogym.plot.frames;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.neurogym.plot.figure.Figure;

/**
 * Pictures of {@link TrialFrames}: an animated GIF (javax.imageio, one frame per step at the
 * task's dt, looping) and a PNG contact sheet (one row per period of each trial, frames evenly
 * sampled across it, labelled with trial, period and step), each written atomically
 * ({@link Figure#writeAtomically}).
 */
public final class FrameImages {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static final int PAD = 6;
    private static final int LABEL = 150;

    private FrameImages() {}

    /** Frame {@code t} magnified {@code scale} times (nearest neighbour). */
    static BufferedImage frame(TrialFrames f, int t, int scale) {
        BufferedImage img = new BufferedImage(f.width() * scale, f.height() * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, f.rgb(t, x / scale, y / scale));
        }
        return img;
    }

    /** Writes every frame as a looping animated GIF, {@code dt} per frame (GIF counts hundredths of a second). */
    public static void writeGif(TrialFrames f, int scale, Path out) {
        Figure.writeAtomically(out, bytes -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                int delay = Math.max(2, (int) Math.round(f.dt() / 10)); // viewers treat 0 and 1 as "as fast as you like"
                for (int t = 0; t < f.count(); t++) {
                    BufferedImage img = frame(f, t, scale);
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
                    timing(meta, delay, t == 0);
                    writer.writeToSequence(new IIOImage(img, null, meta), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** Sets a GIF frame's delay, and on the first frame the Netscape extension that makes the animation loop. */
    private static void timing(IIOMetadata meta, int delay, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** A white canvas over {@code img} with the labels' font (antialiased text, the frames drawn as they are). */
    private static Graphics2D labelledCanvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    /** The contact sheet: per period of each trial, a row of up to {@code columns} frames evenly spread over it. */
    public static BufferedImage sheet(TrialFrames f, int columns, int scale) {
        List<TrialFrames.Period> rows = f.shownPeriods();
        int tileW = f.width() * scale;
        int tileH = f.height() * scale;
        int cellH = tileH + 16;
        int width = LABEL + columns * (tileW + PAD) + PAD;
        int height = rows.size() * (cellH + PAD) + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = labelledCanvas(img);
        for (int r = 0; r < rows.size(); r++) {
            TrialFrames.Period p = rows.get(r);
            int top = PAD + r * (cellH + PAD);
            g.setColor(Color.BLACK);
            g.drawString("trial " + (p.trial() + 1), PAD, top + 16);
            g.drawString(p.name(), PAD, top + 32);
            g.setColor(Color.DARK_GRAY);
            g.drawString((p.end() - p.start()) + " steps", PAD, top + 48);
            int n = Math.min(columns, p.end() - p.start());
            for (int c = 0; c < n; c++) {
                int t = p.start() + (int) ((long) c * (p.end() - p.start()) / n);
                int left = LABEL + c * (tileW + PAD);
                g.drawImage(frame(f, t, scale), left, top, null);
                g.setColor(Color.DARK_GRAY);
                g.drawString("step " + (t - firstOfTrial(f, p.trial())), left, top + tileH + 13);
            }
        }
        g.dispose();
        return img;
    }

    /**
     * A strip per trial: {@code columns} frames evenly spread over the trial, each labelled with
     * its period and step (what {@code neurogym plot} draws for a pixel task).
     */
    public static BufferedImage strip(TrialFrames f, int columns, int scale) {
        int trials = 0;
        for (TrialFrames.Period p : f.periods()) trials = Math.max(trials, p.trial() + 1);
        int tileW = f.width() * scale;
        int tileH = f.height() * scale;
        int cellH = tileH + 30;
        int width = LABEL + columns * (tileW + PAD) + PAD;
        int height = trials * (cellH + PAD) + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = labelledCanvas(img);
        for (int trial = 0; trial < trials; trial++) {
            int first = firstOfTrial(f, trial);
            int end = first;
            for (TrialFrames.Period p : f.periods()) if (p.trial() == trial) end = Math.max(end, p.end());
            int top = PAD + trial * (cellH + PAD);
            g.setColor(Color.BLACK);
            g.drawString("trial " + (trial + 1), PAD, top + 16);
            g.setColor(Color.DARK_GRAY);
            g.drawString((end - first) + " steps", PAD, top + 32);
            int n = Math.min(columns, end - first);
            for (int c = 0; c < n; c++) {
                int t = first + (int) ((long) c * (end - first) / n);
                int left = LABEL + c * (tileW + PAD);
                g.drawImage(frame(f, t, scale), left, top, null);
                g.setColor(Color.BLACK);
                g.drawString(periodAt(f, trial, t), left, top + tileH + 13);
                g.setColor(Color.DARK_GRAY);
                g.drawString("step " + (t - first), left, top + tileH + 27);
            }
        }
        g.dispose();
        return img;
    }

    private static String periodAt(TrialFrames f, int trial, int t) {
        String name = "";
        for (TrialFrames.Period p : f.periods()) if (p.trial() == trial && p.start() <= t && t < p.end()) name = p.name();
        return name;
    }

    /** Writes the strips as a PNG. */
    public static void writeStrip(TrialFrames f, int columns, int scale, Path out) {
        Figure.write(strip(f, columns, scale), out);
    }

    private static int firstOfTrial(TrialFrames f, int trial) {
        int first = Integer.MAX_VALUE;
        for (TrialFrames.Period p : f.periods()) if (p.trial() == trial) first = Math.min(first, p.start());
        return first;
    }

    /** Writes the contact sheet as a PNG. */
    public static void writeSheet(TrialFrames f, int columns, int scale, Path out) {
        Figure.write(sheet(f, columns, scale), out);
    }
}
