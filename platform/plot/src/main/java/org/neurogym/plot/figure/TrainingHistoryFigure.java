package org.neurogym.plot.figure;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A run's training history: the mean reward and the mean performance of the trials of each saved
 * chunk, against the number of trials completed when it was saved (the reference's
 * {@code plot_training_history}), with a curriculum's stage changes as labelled vertical lines.
 */
public final class TrainingHistoryFigure {
    private TrainingHistoryFigure() {}

    /** A stage change: the new stage {@code label} starts after {@code trial} trials. */
    public record StageMark(double trial, String label) {}

    /**
     * @param trials trials completed at each save (increasing)
     * @param meanReward mean reward per trial of each saved chunk
     * @param meanPerformance mean performance of each saved chunk (NaN when unknown)
     */
    public static Figure of(String title, double[] trials, double[] meanReward, double[] meanPerformance) {
        return of(title, trials, meanReward, meanPerformance, List.of());
    }

    /** The history with {@code stages} marked: a dashed vertical line at each change, labelled with the new stage. */
    public static Figure of(String title, double[] trials, double[] meanReward, double[] meanPerformance, List<StageMark> stages) {
        if (trials.length == 0) throw new IllegalArgumentException("no saved chunk: nothing to plot");
        if (meanReward.length != trials.length || meanPerformance.length != trials.length) {
            throw new IllegalArgumentException("trials, mean rewards and mean performances differ in length");
        }
        double lo = 0;
        double hi = 1;
        for (double v : meanReward) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double xMax = trials[trials.length - 1];
        double xMin = trials.length == 1 ? 0 : trials[0];
        for (StageMark m : stages) xMin = Math.min(xMin, m.trial());
        if (xMax <= xMin) xMax = xMin + 1;
        double pad = (hi - lo) * 0.08;
        XYChart chart = Style.chart(900, 480, title, "Trials", "Mean per trial", xMin, xMax, lo - pad, hi + pad * 3);
        XYSeries p = chart.addSeries("mean performance", trials, meanPerformance);
        p.setMarker(SeriesMarkers.DIAMOND);
        p.setLineColor(Style.SERIES[0]);
        p.setMarkerColor(Style.SERIES[0]);
        XYSeries r = chart.addSeries("mean reward", trials, meanReward);
        r.setMarker(SeriesMarkers.CIRCLE);
        r.setLineColor(Style.SERIES[2]);
        r.setMarkerColor(Style.SERIES[2]);
        r.setLineStyle(Style.DASHED);
        markStages(chart, stages, xMin, xMax, lo - pad, hi + pad * 3);
        return new Figure(900).add(new Panel(chart, 480));
    }

    private static void markStages(XYChart chart, List<StageMark> stages, double xMin, double xMax, double yMin, double yMax) {
        // XChart centres an annotation's text on its x: shift each label right of its line
        double xPerPixel = (xMax - xMin) / (chart.getWidth() - Style.Y_AXIS_WIDTH - 40);
        for (int i = 0; i < stages.size(); i++) {
            StageMark m = stages.get(i);
            XYSeries line = chart.addSeries("stage change " + i, new double[] {m.trial(), m.trial()}, new double[] {yMin, yMax});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Style.BOUNDARY);
            line.setLineStyle(Style.THIN_DASHED);
            line.setShowInLegend(false);
            // labels alternate between two heights so that close changes stay readable
            double y = yMax - (yMax - yMin) * (i % 2 == 0 ? 0.04 : 0.10);
            chart.addAnnotation(new AnnotationText(m.label(), m.trial() + (halfWidthPixels(m.label()) + 4) * xPerPixel, y, false));
        }
        chart.getStyler().setAnnotationTextFont(Style.SMALL);
        chart.getStyler().setAnnotationTextFontColor(Style.BOUNDARY.darker());
    }

    /** Half the width of {@code label} in the annotation font, in pixels. */
    private static double halfWidthPixels(String label) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(Style.SMALL).stringWidth(label) / 2.0;
        } finally {
            g.dispose();
        }
    }

    public static void writePng(String title, double[] trials, double[] meanReward, double[] meanPerformance, Path file) {
        of(title, trials, meanReward, meanPerformance).writePng(file);
    }

    public static void writePng(String title, double[] trials, double[] meanReward, double[] meanPerformance, List<StageMark> stages,
                                Path file) {
        of(title, trials, meanReward, meanPerformance, stages).writePng(file);
    }
}
