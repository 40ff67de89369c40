package org.neurogym.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.Wrapper;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.data.npy.NpzReader;
import org.neurogym.plot.figure.TrainingHistoryFigure.StageMark;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;

/** The Monitor under a curriculum: what it records of the info entries a curriculum reports. */
class MonitorStagesTest {
    @TempDir Path dir;

    /** Reports stage k for trials 7k .. 7k + 6 (as a curriculum with a trials rule of 7 reports them). */
    private static final class SevenTrialStages extends Wrapper {
        private int ended;

        SevenTrialStages(Env env) {
            super(env);
        }

        @Override
        protected void onStep(StepResult r) {
            if (!r.newTrial()) return;
            int stage = ended++ / 7;
            r.info().put("stage", stage);
            r.info().put("stage_name", "s" + stage);
        }
    }

    @Test
    void stagesAreRecordedAsColumnsAndMarkedWhereEachStarts() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("interval", 10, "local_dir", dir.toString(), "verbose", false));
        Monitor m = (Monitor) Monitor.DESCRIPTOR.wrap(new SevenTrialStages(PerceptualDecisionMaking.DESCRIPTOR.create(Map.of())), p);
        try (m) {
            Agent agent = Agents.random(m.actionSpace(), 4);
            float[] ob = m.reset(1);
            int done = 0;
            while (done < 20) {
                StepResult r = agent.step(m, ob);
                if (r.newTrial()) done++;
                ob = r.observation();
            }
        }
        assertEquals(List.of(new StageMark(0, "s0"), new StageMark(7, "s1"), new StageMark(14, "s2")), m.stageChanges());
        try (NpzReader r = NpzReader.open(m.saveDirectory().resolve("trial_20.npz"))) {
            double[] stage = r.array("stage").doubles();
            double[] change = r.array("stage_change").doubles();
            assertArrayEquals(new double[] {1, 1, 1, 1, 2, 2, 2, 2, 2, 2}, stage);
            assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, change);
        }
        assertTrue(Files.size(m.saveDirectory().resolve("training_history.png")) > 5_000);
    }
}
