package org.neurogym.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.imageio.ImageIO;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** Helpers of the plot tests: every task on the test class path, and checks that an image is not trivial. */
final class Images {
    private Images() {}

    static List<TaskDescriptor> allTasks() {
        return ServiceLoader.load(TaskProvider.class).stream()
                .flatMap(p -> p.get().tasks().stream())
                .sorted(java.util.Comparator.comparing(TaskDescriptor::id))
                .toList();
    }

    static TaskDescriptor task(String id) {
        return allTasks().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** The PNG exists, decodes, is at least {@code minWidth x minHeight}, and has at least {@code minColours} colours. */
    static BufferedImage assertNonTrivialPng(Path file, int minWidth, int minHeight, int minColours) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was not written");
        assertTrue(Files.size(file) > 5_000, file + " is only " + Files.size(file) + " bytes");
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " is not a readable PNG");
        assertTrue(image.getWidth() >= minWidth && image.getHeight() >= minHeight,
                file + " is " + image.getWidth() + "x" + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) colours.add(image.getRGB(x, y) & 0xFFFFFF);
        }
        assertTrue(colours.size() >= minColours, file + " has only " + colours.size() + " colours");
        return image;
    }

    static Path outputDir(String name) throws IOException {
        Path dir = Path.of("target", "plots", name);
        Files.createDirectories(dir);
        return dir;
    }
}
