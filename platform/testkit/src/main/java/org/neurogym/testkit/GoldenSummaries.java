package org.neurogym.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Compares a task's {@link TaskSummary} (seed 0, 200 trials, default parameters) with the golden
 * file {@code src/test/resources/golden/<id>.summary} of the calling module. Run the tests once with
 * {@code -Dneurogym.golden.update=true} to write missing or changed files, then review the diff.
 */
public final class GoldenSummaries {
    public static final long SEED = 0;
    public static final int TRIALS = 200;

    private GoldenSummaries() {}

    public static void assertMatches(TaskDescriptor task, Class<?> testClass) {
        String actual = TaskSummary.of(task, Map.of(), SEED, TRIALS);
        String resource = "/golden/" + task.id() + ".summary";
        Path source = Path.of("src", "test", "resources", "golden", task.id() + ".summary");
        if (Boolean.getBoolean("neurogym.golden.update")) {
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = testClass.getResourceAsStream(resource)) {
            if (in == null) {
                Assertions.fail("no golden summary " + source + " for " + task.id()
                        + "; run with -Dneurogym.golden.update=true to write it. Computed:\n" + actual);
            }
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Assertions.assertEquals(expected, actual, task.id() + " generates different trials than its golden summary " + source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
