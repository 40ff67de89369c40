package org.neurogym.plot.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The house style of every figure: light grey plot areas with white grid lines, as the reference. */
public final class Style {
    private Style() {}

    public static final Color PLOT_BACKGROUND = new Color(0xF2, 0xF2, 0xF2);
    public static final Color BOUNDARY = new Color(0x80, 0x80, 0x80);
    /** Series colours: blue, green, red, purple, orange, teal, brown, pink. */
    public static final Color[] SERIES = {
        new Color(0x1F77B4), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0xFF7F0E), new Color(0x17BECF), new Color(0x8C564B), new Color(0xE377C2)
    };
    /** Period shading, by order of first appearance. */
    public static final Color[] PERIODS = {
        new Color(0x9E, 0xC5, 0xE8), new Color(0xF8, 0xC7, 0x8F), new Color(0xA9, 0xDB, 0x9F),
        new Color(0xF2, 0xA7, 0xA7), new Color(0xC9, 0xB3, 0xE0), new Color(0xE6, 0xD3, 0x9A),
        new Color(0x9F, 0xDD, 0xE3), new Color(0xE8, 0xB5, 0xD6)
    };
    public static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    public static final BasicStroke THIN_DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);

    /** The name of the invisible series that fixes each chart's ticks. */
    public static final String ANCHOR = "\u2063";

    /**
     * Labels for the integer ticks of an axis (e.g. action names); other ticks get distinct blank
     * labels, since XChart drops tick sets whose labels repeat.
     */
    public static java.util.function.Function<Double, String> integerLabels(java.util.List<String> names) {
        return v -> {
            long k = Math.round(v);
            if (Math.abs(v - k) < 1e-9 && k >= 0 && k < names.size()) return names.get((int) k);
            return " ".repeat(1 + (int) Math.floorMod(Math.round(v * 1000), 97L));
        };
    }

    /** Width reserved for the y axis of every panel, so that stacked panels share their x positions. */
    public static final int Y_AXIS_WIDTH = 96;

    /** A chart with the house style, fixed axis ranges and the given axis titles. */
    public static XYChart chart(int width, int height, String title, String xTitle, String yTitle,
                                double xMin, double xMax, double yMin, double yMax) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xTitle == null ? "" : xTitle);
        chart.setYAxisTitle(yTitle == null ? "" : yTitle);
        XYStyler s = chart.getStyler();
        s.setChartTitleVisible(title != null && !title.isEmpty());
        s.setXAxisTitleVisible(xTitle != null && !xTitle.isEmpty());
        s.setYAxisTitleVisible(yTitle != null && !yTitle.isEmpty());
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setBaseFont(FONT);
        s.setAxisTitleFont(FONT);
        s.setAxisTickLabelsFont(SMALL);
        s.setLegendFont(SMALL);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(PLOT_BACKGROUND);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(Color.WHITE);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotContentSize(1.0);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setLegendBorderColor(new Color(0xCC, 0xCC, 0xCC));
        s.setLegendPadding(4);
        s.setSeriesColors(SERIES);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarkerSize(5);
        s.setXAxisMin(xMin);
        s.setXAxisMax(xMax);
        s.setYAxisMin(yMin);
        s.setYAxisMax(yMax);
        s.setYAxisLeftWidthHint(Y_AXIS_WIDTH);
        s.setChartPadding(8);
        s.setAntiAlias(true);
        s.setXAxisDecimalPattern("#.##");
        s.setYAxisDecimalPattern("0.###");
        // XChart puts ticks on the data when all x (or y) values are equally spaced, which leaves a
        // sparse series (a few trial ends) with one or two ticks: an unevenly spaced, invisible
        // anchor series keeps ticks at round values over the whole range.
        double f = 0.3137;
        XYSeries anchor = chart.addSeries(ANCHOR, new double[] {xMin, xMin + f * (xMax - xMin), xMax},
                new double[] {yMin, yMin + f * (yMax - yMin), yMax});
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        anchor.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        anchor.setMarkerColor(new Color(0, 0, 0, 0));
        anchor.setLineColor(new Color(0, 0, 0, 0));
        anchor.setShowInLegend(false);
        return chart;
    }

    /** A colour of the viridis map for {@code v} in [0, 1]. */
    public static Color viridis(double v) {
        double[][] stops = {
            {0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
            {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551}, {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441},
            {0.478, 0.821, 0.318}, {0.741, 0.873, 0.150}, {0.993, 0.906, 0.144}
        };
        if (Double.isNaN(v)) return Color.LIGHT_GRAY;
        double x = Math.max(0, Math.min(1, v)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        float r = (float) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        float g = (float) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        float b = (float) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return new Color(r, g, b);
    }

    /** {@code c} with the given alpha (0-255). */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
