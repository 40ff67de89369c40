package org.neurogym.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParameterException;
import org.neurogym.tasks.perceptual.PerceptualDecisionMaking;

/** Issue #16: the Monitor's edges (names as one path segment, image formats, failed figures, verbose). */
class MonitorEdgesTest {
    @TempDir Path dir;

    private Monitor monitor(Map<String, Object> params) {
        Env task = PerceptualDecisionMaking.DESCRIPTOR.create(Map.of());
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.putIfAbsent("local_dir", dir.resolve("runs").toString());
        return (Monitor) Monitor.DESCRIPTOR.wrap(task, p);
    }

    private static void runTrials(Monitor m, int trials) {
        var agent = Agents.random(m.actionSpace(), 2);
        float[] ob = m.reset(1);
        for (int done = 0; done < trials; ) {
            StepResult r = m.step(agent.act(ob));
            if (r.newTrial()) done++;
            ob = r.observation();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../escaped", "..", ".", "a/b", "a\\b"})
    void envNameIsOnePathSegment(String name) {
        ParameterException e = assertThrows(ParameterException.class, () -> monitor(Map.of("env_name", name)));
        assertEquals("env_name", e.key());
        assertFalse(Files.exists(dir.resolve("escaped")));
    }

    @Test
    void plotExtIsTheFormatWritten() throws Exception {
        Monitor m = monitor(Map.of("interval", 10, "verbose", false, "plot", Map.of("create", true, "step", 20, "ext", "jpg")));
        try (m) {
            runTrials(m, 10);
        }
        Path jpg = m.saveDirectory().resolve("task_000010.jpg");
        byte[] head = Arrays.copyOf(Files.readAllBytes(jpg), 3);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, head, "JPEG bytes in " + jpg);
        assertEquals("plot.ext", assertThrows(ParameterException.class,
                () -> monitor(Map.of("plot", Map.of("ext", "tiff")))).key());
    }

    @Test
    void aFigureThatCannotBeWrittenDoesNotStopTheRecording() throws Exception {
        Monitor m = monitor(Map.of("interval", 10, "verbose", false, "plot", Map.of("create", true, "step", 20)));
        // a non-empty directory where the figure should go: the move into place fails
        Path blocked = m.saveDirectory().resolve("task_000010.png");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("keep"), "x");
        try (m) {
            runTrials(m, 30);
        }
        for (int n : new int[] {10, 20, 30}) assertTrue(Files.exists(m.saveDirectory().resolve("trial_" + n + ".npz")), "trial_" + n);
        assertTrue(Files.exists(m.saveDirectory().resolve("task_000020.png")), "later figures are drawn");
        try (Stream<Path> s = Files.list(m.saveDirectory())) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary image left");
        }
    }

    @Test
    void verbosePrintsASummaryAtEachSave() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Monitor m = monitor(Map.of("interval", 10, "plot", Map.of("create", false)));
            try (m) {
                runTrials(m, 20);
            }
        } finally {
            System.setErr(saved);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("10 trials, mean reward") && printed.contains("20 trials"), printed);
    }
}
