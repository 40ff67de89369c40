package org.neurogym.plot.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * Panels stacked vertically into one image, painted headlessly ({@code java.awt.headless}).
 * Each panel is painted twice: once to lay it out (XChart computes its axes while painting),
 * then onto the figure over its underlay and under its overlay.
 */
public final class Figure {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private final int width;
    private final List<Panel> panels = new ArrayList<>();

    /** The widest figure: an image is width x height 4-byte pixels, and far wider ones only exhaust the heap. */
    public static final int MAX_WIDTH = 20_000;

    public Figure(int width) {
        if (width < 200 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("figure width must be 200 to " + MAX_WIDTH + " pixels, got " + width);
        }
        this.width = width;
    }

    public Figure add(Panel panel) {
        panels.add(panel);
        return this;
    }

    public List<Panel> panels() {
        return List.copyOf(panels);
    }

    public BufferedImage render() {
        int height = 0;
        for (Panel p : panels) height += p.height;
        BufferedImage image = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            // XChart sizes each y axis to its tick labels; shift narrower panels right so that every
            // panel's plot area starts at the same x and time lines up across panels.
            double left = 0;
            for (Panel p : panels) left = Math.max(left, layout(p, width).left());
            int y = 0;
            for (Panel p : panels) {
                int shift = (int) Math.round(left - layout(p, width).left());
                paint(p, g, Math.max(0, shift), y);
                y += p.height;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Lays the panel out at {@code w} pixels wide (XChart computes its axes while painting) and returns its coordinates. */
    private static Panel.Coordinates layout(Panel panel, int w) {
        BufferedImage scratch = new BufferedImage(w, panel.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = scratch.createGraphics();
        try {
            panel.chart.paint(sg, w, panel.height);
        } finally {
            sg.dispose();
        }
        return coordinates(panel.chart);
    }

    private void paint(Panel panel, Graphics2D g, int x, int y) {
        XYChart chart = panel.chart;
        Color background = chart.getStyler().getPlotBackgroundColor();
        int w = width - x;
        // Pass 1: lay out so that chart coordinates are known.
        Panel.Coordinates c = layout(panel, w);
        Graphics2D pg = (Graphics2D) g.create(x, y, w, panel.height);
        try {
            pg.setColor(background);
            pg.fill(new java.awt.geom.Rectangle2D.Double(c.left(), c.top(), c.right() - c.left(), c.bottom() - c.top()));
            for (Panel.Painter u : panel.underlays) u.paint((Graphics2D) pg.create(), c);
            // Pass 2: the chart over the underlay, with see-through backgrounds.
            chart.getStyler().setChartBackgroundColor(new Color(0, 0, 0, 0));
            chart.getStyler().setPlotBackgroundColor(new Color(0, 0, 0, 0));
            chart.paint(pg, w, panel.height);
            chart.getStyler().setPlotBackgroundColor(background);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            for (Panel.Painter o : panel.overlays) o.paint((Graphics2D) pg.create(), c);
        } finally {
            pg.dispose();
        }
    }

    private static Panel.Coordinates coordinates(XYChart chart) {
        double xMin = chart.getStyler().getXAxisMin();
        double xMax = chart.getStyler().getXAxisMax();
        double yMin = chart.getStyler().getYAxisMin();
        double yMax = chart.getStyler().getYAxisMax();
        double left = chart.getScreenXFromChart(xMin);
        double right = chart.getScreenXFromChart(xMax);
        double top = chart.getScreenYFromChart(yMax);
        double bottom = chart.getScreenYFromChart(yMin);
        return new Panel.Coordinates() {
            @Override
            public double x(double chartX) {
                return chart.getScreenXFromChart(chartX);
            }

            @Override
            public double y(double chartY) {
                return chart.getScreenYFromChart(chartY);
            }

            @Override
            public double left() {
                return left;
            }

            @Override
            public double top() {
                return top;
            }

            @Override
            public double right() {
                return right;
            }

            @Override
            public double bottom() {
                return bottom;
            }
        };
    }

    /** Writes the figure in the format its file's extension names (PNG without one), creating parent directories. */
    public void writePng(Path file) {
        write(render(), file);
    }

    /** The image formats {@link #write} knows, by file extension. */
    public static final List<String> FORMATS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    /** The format of {@code file} by its extension ({@code png} when it has none); an unknown one is an error naming it. */
    public static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) return "png";
        String ext = name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(ext)) {
            throw new IllegalArgumentException("cannot write an image as '." + ext + "' (" + file + "); known formats: "
                    + String.join(", ", FORMATS));
        }
        return ext;
    }

    /**
     * Writes {@code image} to {@code file} atomically in the format its extension names (see
     * {@link #writeAtomically}). Failures are an {@link UncheckedIOException} whose cause carries the OS reason.
     */
    public static void write(BufferedImage image, Path file) {
        String format = format(file);
        writeAtomically(file, out -> {
            if (!ImageIO.write(image, format, out)) throw new IOException("no " + format + " writer available");
        });
    }

    /** What writes a file's bytes, for {@link #writeAtomically}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes a file so that it appears at its path only when complete: into a temporary file next
     * to it, moved into place at the end, so a full disk or an interruption never leaves a
     * truncated image at the final path. Parent directories are created.
     */
    public static void writeAtomically(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Path tmp = null;
        try {
            if (parent != null) Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure being reported matters more
                }
            }
        }
    }
}
