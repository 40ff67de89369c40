package org.neurogym.plot.figure;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * One XChart panel of a figure, with painters for what XChart does not draw: an underlay
 * (period shading, a heat map) painted below the chart's series and an overlay (trial boundaries,
 * labels) painted above, both in chart coordinates through {@link Coordinates}.
 */
public final class Panel {
    /** Paints in chart coordinates onto the panel's graphics. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g, Coordinates c);
    }

    /** Maps chart values to pixels of the painted panel. */
    public interface Coordinates {
        double x(double chartX);

        double y(double chartY);

        /** The plot area's left, top, right and bottom edges in pixels. */
        double left();

        double top();

        double right();

        double bottom();
    }

    final XYChart chart;
    final int height;
    final List<Painter> underlays = new ArrayList<>();
    final List<Painter> overlays = new ArrayList<>();

    public Panel(XYChart chart, int height) {
        this.chart = chart;
        this.height = height;
    }

    public XYChart chart() {
        return chart;
    }

    public Panel under(Painter p) {
        underlays.add(p);
        return this;
    }

    public Panel over(Painter p) {
        overlays.add(p);
        return this;
    }
}
