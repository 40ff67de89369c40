package org.neurogym.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.TrialBased;
import org.neurogym.api.Env;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.plot.figure.TrialsFigure;
import org.neurogym.plot.record.Recorder;
import org.neurogym.plot.record.Recording;

class TrialsFigureTest {

    @TestFactory
    Stream<DynamicTest> everyTaskPlotsWithItsDefaults() throws Exception {
        Path dir = Images.outputDir("trials");
        return Images.allTasks().stream().map(d -> DynamicTest.dynamicTest(d.id(), () -> {
            try (Env env = d.create(Map.of())) {
                Recording rec = record(env);
                Path png = dir.resolve(d.id() + ".png");
                TrialsFigure.of(rec).writePng(png);
                Images.assertNonTrivialPng(png, 1000, 700, 8);
            }
        }));
    }

    /** Two trials with the oracle where there is one (random otherwise); 150 steps when no trial ends soon. */
    private static Recording record(Env env) {
        boolean oracle = TrialBased.nearest(env) != null;
        try {
            return Recorder.trials(env, oracle ? Agents.oracle(env) : Agents.random(env.actionSpace(), 1), 1, 2);
        } catch (RuntimeException e) {
            return Recorder.steps(env, Agents.random(env.actionSpace(), 1), 1, 150);
        }
    }

    @Test
    void recordsStepsTrialsAndPeriods() {
        TaskDescriptor d = Images.task("PerceptualDecisionMaking-v0");
        try (Env env = d.create(Map.of())) {
            Recording rec = Recorder.trials(env, Agents.oracle(env), 3, 2);
            assertEquals(2, rec.completedTrials());
            assertEquals(2, rec.trialStarts().length);
            assertEquals(0, rec.trialStarts()[0]);
            assertEquals(rec.steps() * 3, rec.observations().length);
            assertEquals(rec.steps(), rec.actions().length);
            assertEquals(1.0, rec.meanPerformance(), 1e-12);
            assertTrue(rec.hasGroundTruth());
            assertEquals(java.util.List.of("fixation", "stimulus[0]", "stimulus[1]"), rec.observationNames());
            assertEquals(java.util.List.of("fixation", "choice[0]", "choice[1]"), rec.actionNames());
            // Each trial has its fixation, stimulus and decision periods, tiling the trial.
            long fixations = rec.periods().stream().filter(s -> s.period().equals("fixation")).count();
            assertEquals(2, fixations);
            for (Recording.Span s : rec.periods()) assertTrue(s.start() < s.end() && s.end() <= rec.steps());
            assertFalse(rec.periods().isEmpty());
        }
    }

    @Test
    void stepLimitedRecordingMayEndMidTrial() {
        TaskDescriptor d = Images.task("PerceptualDecisionMaking-v0");
        try (Env env = d.create(Map.of())) {
            Recording rec = Recorder.steps(env, Agents.fixed(0), 0, 7);
            assertEquals(7, rec.steps());
            assertEquals(0, rec.completedTrials());
            assertTrue(Double.isNaN(rec.meanPerformance()));
        }
    }

    @Test
    void manyChannelsGiveAHeatMap() throws Exception {
        TaskDescriptor d = Images.task("PerceptualDecisionMaking-v0");
        try (Env env = d.create(Map.of("dim_ring", 16))) {
            assertTrue(env.actionSpace() instanceof Discrete);
            Recording rec = Recorder.trials(env, Agents.random(env.actionSpace(), 2), 2, 3);
            Path png = Images.outputDir("trials").resolve("heatmap.png");
            TrialsFigure.of(rec).writePng(png);
            Images.assertNonTrivialPng(png, 1000, 700, 30);
        }
    }
}
