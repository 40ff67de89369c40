package org.neurogym.plot.figure;

import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A run's training history: the mean reward and the mean performance of the trials of each saved
 * chunk, against the number of trials completed when it was saved (the reference's
 * {@code plot_training_history}).
 */
public final class TrainingHistoryFigure {
    private TrainingHistoryFigure() {}

    /**
     * @param trials trials completed at each save (increasing)
     * @param meanReward mean reward per trial of each saved chunk
     * @param meanPerformance mean performance of each saved chunk (NaN when unknown)
     */
    public static Figure of(String title, double[] trials, double[] meanReward, double[] meanPerformance) {
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
        return new Figure(900).add(new Panel(chart, 480));
    }

    public static void writePng(String title, double[] trials, double[] meanReward, double[] meanPerformance, Path file) {
        of(title, trials, meanReward, meanPerformance).writePng(file);
    }
}
