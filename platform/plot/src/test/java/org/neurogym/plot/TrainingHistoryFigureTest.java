package org.neurogym.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neurogym.plot.figure.Figure;
import org.neurogym.plot.figure.TrainingHistoryFigure;
import org.neurogym.plot.figure.TrainingHistoryFigure.StageMark;

class TrainingHistoryFigureTest {
    private static final double[] TRIALS = {100, 200, 300, 400, 500, 600};
    private static final double[] REWARD = {0.1, 0.3, 0.5, 0.4, 0.7, 0.9};
    private static final double[] PERF = {0.2, 0.4, 0.6, 0.5, 0.8, 0.95};

    @Test
    void eachStageChangeIsAVerticalLineAtItsTrialOutsideTheLegend() {
        Figure f = TrainingHistoryFigure.of("t", TRIALS, REWARD, PERF, List.of(new StageMark(0, "stage 0"), new StageMark(350, "stage 1")));
        XYChart chart = f.panels().get(0).chart();
        XYSeries line = chart.getSeriesMap().get("stage change 1");
        assertArrayEquals(new double[] {350, 350}, line.getXData());
        assertFalse(line.isShowInLegend());
        assertEquals(0, chart.getStyler().getXAxisMin(), "a mark before the first save widens the axis to show it");
    }

    @Test
    void theMarksAreDrawn() {
        BufferedImage plain = TrainingHistoryFigure.of("t", TRIALS, REWARD, PERF).render();
        BufferedImage marked = TrainingHistoryFigure.of("t", TRIALS, REWARD, PERF, List.of(new StageMark(350, "stage 1"))).render();
        int differing = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) if (plain.getRGB(x, y) != marked.getRGB(x, y)) differing++;
        }
        assertTrue(differing > 200, "the line and its label change the image: " + differing + " pixels");
    }
}
