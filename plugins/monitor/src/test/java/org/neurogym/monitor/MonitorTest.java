package org.neurogym.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParameterException;
import org.neurogym.data.npy.NpyArray;
import org.neurogym.data.npy.NpzReader;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;

class MonitorTest {
    @TempDir Path dir;

    private Monitor monitor(Map<String, Object> params) {
        Env task = PerceptualDecisionMaking.DESCRIPTOR.create(Map.of());
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(params);
        p.putIfAbsent("local_dir", dir.toString());
        return (Monitor) Monitor.DESCRIPTOR.wrap(task, p);
    }

    private static void runTrials(Env env, Agent agent, int trials) {
        float[] ob = env.reset(1);
        int done = 0;
        while (done < trials) {
            StepResult r = env.step(agent.act(ob));
            if (r.newTrial()) done++;
            ob = r.observation();
        }
    }

    private static List<Path> files(Path d, String glob) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName())).sorted().toList();
        }
    }

    @Test
    void thousandTrialsWithInterval100WriteTenFilesAndAHistory() throws Exception {
        Monitor m = monitor(Map.of("interval", 100, "plot", Map.of("create", true, "step", 40)));
        try (m) {
            runTrials(m, Agents.random(m.actionSpace(), 2), 1000);
        }
        Path out = m.saveDirectory();
        assertTrue(out.startsWith(dir.resolve("PerceptualDecisionMaking")), out.toString());
        List<Path> npz = files(out, "trial_*.npz");
        assertEquals(10, npz.size(), npz.toString());
        for (Path f : npz) {
            try (NpzReader r = NpzReader.open(f)) {
                for (String key : List.of("action", "reward", "cum_reward", "performance", "new_trial", "gt", "trial_ground_truth", "trial_coh")) {
                    assertTrue(r.names().contains(key), f + " lacks " + key + ": " + r.names());
                    NpyArray a = r.array(key);
                    assertEquals(100, a.shape()[0], key);
                }
            }
        }
        assertEquals(10, files(out, "task_*.png").size());
        assertTrue(Files.size(out.resolve("training_history.png")) > 5_000);
    }

    @Test
    void stepTriggerSavesAtTheFirstTrialEndAfterIntervalSteps() throws Exception {
        Monitor m = monitor(Map.of("trigger", "step", "interval", 50, "plot", Map.of("create", false)));
        try (m) {
            runTrials(m, Agents.oracle(m), 10);
            // oracle trials last 22 steps: saves after trials 3 (66 steps), 6 and 9; trial 10 is flushed on close
        }
        List<Path> npz = files(m.saveDirectory(), "trial_*.npz");
        assertEquals(List.of("trial_10.npz", "trial_3.npz", "trial_6.npz", "trial_9.npz"),
                npz.stream().map(p -> p.getFileName().toString()).toList());
        try (NpzReader r = NpzReader.open(m.saveDirectory().resolve("trial_3.npz"))) {
            NpyArray perf = r.array("performance");
            assertEquals(3, perf.shape()[0]);
        }
    }

    @Test
    void anInterruptedRunLosesNothing() throws Exception {
        Monitor m = monitor(Map.of("interval", 100, "plot", Map.of("create", false)));
        assertThrows(IllegalStateException.class, () -> {
            try (m) {
                runTrials(m, Agents.random(m.actionSpace(), 3), 37);
                throw new IllegalStateException("training crashed");
            }
        });
        List<Path> npz = files(m.saveDirectory(), "trial_*.npz");
        assertEquals(List.of(m.saveDirectory().resolve("trial_37.npz")), npz);
        try (NpzReader r = NpzReader.open(npz.get(0))) {
            assertEquals(37, r.array("reward").shape()[0]);
        }
    }

    @Test
    void evaluatePolicyMeasuresWithoutRecording() throws Exception {
        try (Monitor m = monitor(Map.of("interval", 5, "plot", Map.of("create", false)))) {
            Evaluation oracle = m.evaluatePolicy(50, Agents.oracle(m));
            assertEquals(50, oracle.rewards().length);
            assertEquals(1.0, oracle.meanReward(), 1e-12);
            assertEquals(1.0, oracle.meanPerformance(), 1e-12);
            Evaluation random = m.evaluatePolicy(200, null);
            assertTrue(random.meanPerformance() < 0.8, "random " + random.meanPerformance());
            assertEquals(0, m.trials());
        }
    }

    @Test
    void numpyLoadsTheFiles() throws Exception {
        Monitor m = monitor(Map.of("interval", 20, "plot", Map.of("create", false)));
        try (m) {
            runTrials(m, Agents.random(m.actionSpace(), 4), 40);
        }
        Path f = m.saveDirectory().resolve("trial_20.npz");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c",
                    "import numpy as np, sys; d = np.load(sys.argv[1]); print(sorted(d.keys())); print(len(d['reward']), d['performance'].dtype)",
                    f.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named"), "numpy not installed");
        assertEquals(0, code, out);
        assertTrue(out.contains("'cum_reward'") && out.contains("20 float64"), out);
    }

    @Test
    void badParametersNameTheKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> monitor(Map.of("trigger", "epoch")));
        assertEquals("trigger", e.key());
        ParameterException plot = assertThrows(ParameterException.class, () -> monitor(Map.of("plot", Map.of("steps", 3))));
        assertEquals("plot.steps", plot.key());
    }
}
