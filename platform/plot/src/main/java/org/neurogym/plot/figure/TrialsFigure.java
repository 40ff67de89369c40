package org.neurogym.plot.figure;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neurogym.plot.record.Recording;

/**
 * The reference's {@code plot_env} figure of a recorded run: observations (one trace per channel
 * when there are few, a heat map when there are many), actions against the ground truth, rewards
 * and performance, with trial boundaries (dashed lines) and the trials' periods shaded and named.
 * Time runs along x in ms; step {@code t} covers {@code [t*dt, (t+1)*dt)}.
 */
public final class TrialsFigure {
    /** Observations with at most this many channels are drawn as traces, larger ones as a heat map. */
    public static final int MAX_TRACES = 5;
    /** At most this many continuous action dimensions are drawn. */
    public static final int MAX_ACTION_DIMS = 4;

    private final Recording rec;
    private String title;
    private int width = 1000;
    private boolean heatMap;

    private TrialsFigure(Recording rec) {
        this.rec = rec;
        this.title = rec.name() + " env";
        this.heatMap = rec.observationSize() > MAX_TRACES;
    }

    public static TrialsFigure of(Recording recording) {
        if (recording.steps() == 0) throw new IllegalArgumentException("nothing to plot: the recording has no step");
        return new TrialsFigure(recording);
    }

    public TrialsFigure title(String title) {
        this.title = title;
        return this;
    }

    public TrialsFigure width(int width) {
        this.width = width;
        return this;
    }

    /** Forces the observations into a heat map (true) or traces (false). */
    public TrialsFigure heatMap(boolean heatMap) {
        this.heatMap = heatMap;
        return this;
    }

    public void writePng(Path file) {
        figure().writePng(file);
    }

    public Figure figure() {
        Map<String, Color> colors = periodColors();
        Figure f = new Figure(width);
        f.add(observations(colors));
        f.add(shadeAndMark(actions(), colors));
        f.add(shadeAndMark(rewards(), colors));
        f.add(shadeAndMark(performance(), colors));
        return f;
    }

    private double xMax() {
        return rec.steps() * rec.dt();
    }

    private double[] centres() {
        double[] x = new double[rec.steps()];
        for (int t = 0; t < x.length; t++) x[t] = (t + 0.5) * rec.dt();
        return x;
    }

    private Map<String, Color> periodColors() {
        Map<String, Color> out = new LinkedHashMap<>();
        for (Recording.Span s : rec.periods()) {
            out.computeIfAbsent(s.period(), k -> Style.PERIODS[out.size() % Style.PERIODS.length]);
        }
        return out;
    }

    // ------------------------------------------------------------------ observations

    private Panel observations(Map<String, Color> colors) {
        int n = rec.observationSize();
        int steps = rec.steps();
        float[] ob = rec.observations();
        String chartTitle = title + "  (" + rec.completedTrials() + " trial" + (rec.completedTrials() == 1 ? "" : "s")
                + ", " + steps + " steps of " + fmt(rec.dt()) + " ms)";
        Panel panel;
        if (!heatMap) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : ob) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!(lo <= hi)) {
                lo = 0;
                hi = 1;
            }
            double pad = hi - lo < 1e-6 ? 0.5 : (hi - lo) * 0.08;
            // Room above the data for the period names.
            XYChart chart = Style.chart(width, 260, chartTitle, null, "Obs.", 0, xMax(), lo - pad, hi + pad + (hi - lo + 2 * pad) * 0.12);
            double[] x = centres();
            for (int c = 0; c < n; c++) {
                double[] y = new double[steps];
                for (int t = 0; t < steps; t++) y[t] = ob[t * n + c];
                XYSeries s = chart.addSeries(rec.observationNames().get(c), x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineWidth(1.4f);
            }
            chart.getStyler().setLegendVisible(true);
            panel = new Panel(chart, 260);
            panel.under((g, co) -> shade(g, co, colors, 90));
        } else {
            XYChart chart = Style.chart(width, 280, chartTitle, null, null, 0, xMax(), -0.5, n - 0.5 + Math.max(1, n * 0.12));
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setPlotGridLinesVisible(false);
            chart.getStyler().setYAxisTicksVisible(false);
            panel = new Panel(chart, 280);
            panel.under((g, co) -> shade(g, co, colors, 90));
            panel.under(this::heatMapCells);
            panel.over(this::channelNames);
        }
        panel.under((g, co) -> periodNames(g, co, colors));
        panel.over(this::trialBoundaries);
        return panel;
    }

    private void heatMapCells(Graphics2D g, Panel.Coordinates c) {
        int n = rec.observationSize();
        float[] ob = rec.observations();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : ob) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double range = hi > lo ? hi - lo : 1;
        for (int t = 0; t < rec.steps(); t++) {
            double x0 = c.x(t * rec.dt());
            double x1 = c.x((t + 1) * rec.dt());
            for (int ch = 0; ch < n; ch++) {
                double y0 = c.y(ch + 0.5);
                double y1 = c.y(ch - 0.5);
                g.setColor(Style.viridis((ob[t * n + ch] - lo) / range));
                g.fill(new Rectangle2D.Double(x0, y0, x1 - x0 + 0.6, y1 - y0 + 0.6));
            }
        }
    }

    /** Channel group names left of the heat map, at each group's centre, with lines between groups. */
    private void channelNames(Graphics2D g, Panel.Coordinates c) {
        g.setFont(Style.SMALL);
        FontMetrics fm = g.getFontMetrics();
        List<String> names = rec.observationNames();
        int i = 0;
        while (i < names.size()) {
            String group = group(names.get(i));
            int j = i;
            while (j + 1 < names.size() && group(names.get(j + 1)).equals(group)) j++;
            double y = c.y((i + j) / 2.0);
            g.setColor(Color.DARK_GRAY);
            String label = group.length() > 14 ? group.substring(0, 13) + "." : group;
            g.drawString(label, (float) (c.left() - 6 - fm.stringWidth(label)), (float) (y + fm.getAscent() / 2.0 - 1));
            if (i > 0) {
                g.setColor(new Color(255, 255, 255, 160));
                g.draw(new Line2D.Double(c.left(), c.y(i - 0.5), c.right(), c.y(i - 0.5)));
            }
            i = j + 1;
        }
    }

    private static String group(String channelName) {
        int b = channelName.indexOf('[');
        return b < 0 ? channelName : channelName.substring(0, b);
    }

    // ------------------------------------------------------------------ actions, rewards, performance

    private Panel actions() {
        int steps = rec.steps();
        double[] x = centres();
        float[] a = rec.actions();
        float[] gt = rec.groundTruth();
        XYChart chart;
        if (rec.discreteActions()) {
            int n = rec.actionNames().size();
            chart = Style.chart(width, 190, null, null, "Act.", 0, xMax(), -0.5, n - 0.5 + 0.6);
            List<String> names = rec.actionNames();
            chart.setCustomYAxisTickLabelsFormatter(Style.integerLabels(names));
            if (rec.hasGroundTruth()) {
                XYSeries s = chart.addSeries("Ground truth", list(x), nullable(gt, 1, 0, steps));
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(Style.DASHED);
                s.setLineColor(Style.SERIES[1]);
                s.setLineWidth(2f);
            }
            XYSeries s = chart.addSeries("Actions", x, toDouble(a));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Style.SERIES[0]);
            s.setLineColor(Style.SERIES[0]);
            s.setLineWidth(1f);
        } else {
            int dims = Math.min(MAX_ACTION_DIMS, rec.actionSize());
            int k = rec.actionSize();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < steps; t++) {
                for (int d = 0; d < dims; d++) {
                    for (float v : new float[] {a[t * k + d], gt[t * k + d]}) {
                        if (Float.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
            if (!(lo <= hi)) {
                lo = -1;
                hi = 1;
            }
            double pad = Math.max(1e-3, (hi - lo) * 0.1);
            chart = Style.chart(width, 190, null, null, "Act.", 0, xMax(), lo - pad, hi + pad + (hi - lo) * 0.35);
            for (int d = 0; d < dims; d++) {
                Color color = Style.SERIES[d % Style.SERIES.length];
                String name = rec.actionNames().get(d);
                if (rec.hasGroundTruth()) {
                    XYSeries gs = chart.addSeries("Ground truth " + name, list(x), nullable(gt, k, d, steps));
                    gs.setMarker(SeriesMarkers.NONE);
                    gs.setLineStyle(Style.DASHED);
                    gs.setLineColor(color);
                }
                double[] y = new double[steps];
                for (int t = 0; t < steps; t++) y[t] = a[t * k + d];
                XYSeries s = chart.addSeries("Action " + name, x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(color);
                s.setLineStyle(SeriesLines.SOLID);
            }
        }
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return new Panel(chart, 190);
    }

    private Panel rewards() {
        double[] r = rec.rewards();
        double lo = 0;
        double hi = 0;
        for (double v : r) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : rec.rewardLevels().values()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi - lo < 1e-9) hi = lo + 1;
        double pad = (hi - lo) * 0.1;
        XYChart chart = Style.chart(width, 160, null, null, "Rew.", 0, xMax(), lo - pad, hi + pad + (hi - lo) * 0.3);
        XYSeries s = chart.addSeries("Rewards", centres(), r);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Style.SERIES[2]);
        s.setLineWidth(1.5f);
        return new Panel(chart, 160);
    }

    private Panel performance() {
        double mean = rec.meanPerformance();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double[] p = rec.performance();
        for (int t = 0; t < p.length; t++) {
            if (!Double.isNaN(p[t])) {
                xs.add((t + 1.0) * rec.dt());
                ys.add(p[t]);
            }
        }
        XYChart chart = Style.chart(width, 190, Double.isNaN(mean) ? "No trial ended" : "Mean performance: " + fmt(mean),
                "Time (ms)", "Perf.", 0, xMax(), -0.15, 1.45);
        chart.getStyler().setChartTitleFont(Style.FONT);
        if (xs.isEmpty()) {
            xs.add(0.0);
            ys.add(Double.NaN);
        }
        XYSeries s = chart.addSeries("Performance (trial end)", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(Color.BLACK);
        return new Panel(chart, 190);
    }

    // ------------------------------------------------------------------ shading and boundaries

    private Panel shadeAndMark(Panel panel, Map<String, Color> colors) {
        panel.under((g, c) -> shade(g, c, colors, 70));
        panel.over(this::trialBoundaries);
        return panel;
    }

    private void shade(Graphics2D g, Panel.Coordinates c, Map<String, Color> colors, int alpha) {
        for (Recording.Span s : rec.periods()) {
            double x0 = c.x(s.start() * rec.dt());
            double x1 = c.x(s.end() * rec.dt());
            g.setColor(Style.alpha(colors.get(s.period()), alpha));
            g.fill(new Rectangle2D.Double(x0, c.top(), x1 - x0, c.bottom() - c.top()));
        }
    }

    private void periodNames(Graphics2D g, Panel.Coordinates c, Map<String, Color> colors) {
        g.setFont(Style.SMALL);
        FontMetrics fm = g.getFontMetrics();
        double band = fm.getHeight() + 4;
        for (Recording.Span s : rec.periods()) {
            double x0 = c.x(s.start() * rec.dt());
            double x1 = c.x(s.end() * rec.dt());
            g.setColor(colors.get(s.period()));
            g.fill(new Rectangle2D.Double(x0, c.top(), x1 - x0, band));
            String label = s.period();
            if (fm.stringWidth(label) + 4 > x1 - x0) label = label.substring(0, 1);
            if (fm.stringWidth(label) + 2 <= x1 - x0) {
                g.setColor(Color.BLACK);
                g.drawString(label, (float) ((x0 + x1) / 2 - fm.stringWidth(label) / 2.0), (float) (c.top() + fm.getAscent() + 2));
            }
        }
    }

    private void trialBoundaries(Graphics2D g, Panel.Coordinates c) {
        g.setColor(Style.BOUNDARY);
        g.setStroke(Style.THIN_DASHED);
        int[] starts = rec.trialStarts();
        for (int i = 1; i < starts.length; i++) {
            double x = c.x(starts[i] * rec.dt());
            g.draw(new Line2D.Double(x, c.top(), x, c.bottom()));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<Double> list(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) out.add(v);
        return out;
    }

    /** Column {@code d} of a {@code [steps][k]} array as a list with nulls (gaps) for NaN. */
    private static List<Double> nullable(float[] values, int k, int d, int steps) {
        List<Double> out = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            float v = values[t * k + d];
            out.add(Float.isNaN(v) ? null : (double) v);
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
