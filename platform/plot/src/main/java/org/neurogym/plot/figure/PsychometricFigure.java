package org.neurogym.plot.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neurogym.plot.psychometric.Choices;
import org.neurogym.plot.psychometric.Probit;

/**
 * The reference's psychometric plot: the choice rate at each evidence level with its standard
 * error, the fitted probit curve over it, and dashed reference lines at zero evidence and 0.5.
 */
public final class PsychometricFigure {
    private PsychometricFigure() {}

    public static Figure of(Choices choices, Probit.Fit fit, String title, String evidenceLabel) {
        Map<Double, double[]> levels = choices.byLevel();
        if (levels.isEmpty()) throw new IllegalArgumentException("no trial with a choice: nothing to plot");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : levels.keySet()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double span = Math.max(1e-9, hi - lo);
        if (hi == lo) {
            lo -= 1;
            hi += 1;
            span = 2;
        }
        double pad = span * 0.05;
        XYChart chart = Style.chart(760, 560, title, evidenceLabel, "P(choice[1])", lo - pad, hi + pad, -0.05, 1.05);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        int points = 301;
        double[] fx = new double[points];
        double[] fy = new double[points];
        for (int i = 0; i < points; i++) {
            fx[i] = lo + span * i / (points - 1);
            fy[i] = fit.p(fx[i]);
        }
        XYSeries curve = chart.addSeries(String.format(Locale.ROOT, "probit fit: beta %.4g, alpha %.3g", fit.beta(), fit.alpha()), fx, fy);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(Style.SERIES[0]);
        curve.setLineWidth(2f);
        double[] x = new double[levels.size()];
        double[] y = new double[levels.size()];
        double[] err = new double[levels.size()];
        int i = 0;
        for (Map.Entry<Double, double[]> e : levels.entrySet()) {
            x[i] = e.getKey();
            y[i] = e.getValue()[1];
            err[i] = e.getValue()[2];
            i++;
        }
        XYSeries data = chart.addSeries("choices (" + choices.evidence().length + " trials), mean and s.e.m.", x, y, err);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        data.setMarkerColor(Style.SERIES[0]);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Style.SERIES[0]);
        chart.getStyler().setMarkerSize(9);
        Panel panel = new Panel(chart, 560);
        panel.under(PsychometricFigure::referenceLines);
        return new Figure(760).add(panel);
    }

    private static void referenceLines(Graphics2D g, Panel.Coordinates c) {
        g.setColor(new Color(0x90, 0x90, 0x90));
        g.setStroke(Style.THIN_DASHED);
        double x0 = c.x(0);
        if (x0 >= c.left() && x0 <= c.right()) g.draw(new Line2D.Double(x0, c.top(), x0, c.bottom()));
        double y = c.y(0.5);
        g.draw(new Line2D.Double(c.left(), y, c.right(), y));
    }

    public static void writePng(Choices choices, Probit.Fit fit, String title, String evidenceLabel, Path file) {
        of(choices, fit, title, evidenceLabel).writePng(file);
    }
}
