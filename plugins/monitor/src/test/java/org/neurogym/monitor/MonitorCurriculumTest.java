package org.neurogym.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.data.npy.NpzReader;
import org.neurogym.plot.figure.TrainingHistoryFigure.StageMark;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;
import org.neurogym.wrappers.Curriculum;

/** The Monitor over the Curriculum wrapper: the stage changes it records are the curriculum's. */
class MonitorCurriculumTest {
    @TempDir Path dir;

    @Test
    void theStageChangesOfACurriculumAreRecordedWhereTheyHappen() throws Exception {
        Env curriculum = Curriculum.DESCRIPTOR.wrap(PerceptualDecisionMaking.DESCRIPTOR.create(Map.of()), Map.of("rule", "trials",
                "trials", 30, "stages", List.of(Map.of("name", "easy", "cohs", List.of(51.2)), Map.of("name", "harder", "cohs", List.of(12.8)),
                        Map.of("name", "hard", "cohs", List.of(3.2)))));
        Map<String, Object> p = new LinkedHashMap<>(Map.of("interval", 25, "local_dir", dir.toString(), "verbose", false,
                "plot", Map.of("create", false)));
        Monitor m = (Monitor) Monitor.DESCRIPTOR.wrap(curriculum, p);
        try (m) {
            Agent oracle = Agents.oracle(m);
            float[] ob = m.reset(2);
            int done = 0;
            while (done < 100) {
                StepResult r = oracle.step(m, ob);
                if (r.newTrial()) done++;
                ob = r.observation();
            }
        }
        assertEquals(List.of(new StageMark(0, "easy"), new StageMark(30, "harder"), new StageMark(60, "hard")), m.stageChanges());
        List<Integer> changes = new ArrayList<>();
        try (Stream<Path> files = Files.list(m.saveDirectory())) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".npz")).toList()) {
                int last = Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""));
                try (NpzReader npz = NpzReader.open(f)) {
                    double[] change = npz.array("stage_change").doubles();
                    double[] coh = npz.array("trial_coh").doubles();
                    double[] stage = npz.array("stage").doubles();
                    for (int i = 0; i < change.length; i++) {
                        int trial = last - change.length + i;
                        if (change[i] == 1) changes.add(trial);
                        assertEquals(Math.min(trial / 30, 2), stage[i], "stage of trial " + trial);
                        assertEquals(new double[] {51.2, 12.8, 3.2}[Math.min(trial / 30, 2)], coh[i], "coherence of trial " + trial);
                    }
                }
            }
        }
        changes.sort(null);
        assertEquals(List.of(30, 60), changes);
        assertEquals(true, Files.size(m.saveDirectory().resolve("training_history.png")) > 5_000);
    }
}
