package org.neurogym.core.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory in the system temporary directory that belongs to this process: its name carries
 * the process id ({@code <prefix><pid>-<random>}), it is deleted by {@link #delete} or, when the
 * process is interrupted (SIGINT, SIGTERM, System.exit) before that, by a shutdown hook. A
 * process killed outright (SIGKILL, a crash) cannot clean up, so creating one also removes the
 * directories of the same prefix whose process is gone.
 */
public final class ProcessTempDir {
    private static final Logger log = LoggerFactory.getLogger(ProcessTempDir.class);
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ProcessTempDir() {}

    /** Creates a directory {@code <prefix><pid>-<random>}, after removing those left by dead processes. */
    public static Path create(String prefix) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    static Path create(Path parent, String prefix) throws IOException {
        removeStale(parent, prefix);
        installHook();
        Path dir = Files.createTempDirectory(parent, prefix + ProcessHandle.current().pid() + "-");
        LIVE.add(dir);
        return dir;
    }

    /** Deletes {@code dir} and everything in it; failures are logged (a temporary directory is not worth an error). */
    public static void delete(Path dir) {
        if (dir == null) return;
        LIVE.remove(dir);
        deleteTree(dir);
    }

    /** Removes {@code <prefix><pid>-*} directories under {@code parent} whose process no longer runs. */
    static void removeStale(Path parent, String prefix) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path dir : dirs) {
                long pid = ownerPid(dir.getFileName().toString(), prefix);
                if (pid > 0 && ProcessHandle.of(pid).isEmpty()) deleteTree(dir);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Looking for stale {} directories in {}: {}", prefix, parent, e.toString());
        }
    }

    /** The pid in a name {@code <prefix><pid>-<random>}, or -1 (an older name without pid is left alone). */
    static long ownerPid(String name, String prefix) {
        int dash = name.indexOf('-', prefix.length());
        if (!name.startsWith(prefix) || dash <= prefix.length()) return -1;
        try {
            return Long.parseLong(name.substring(prefix.length(), dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static synchronized void installHook() {
        if (hookInstalled) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ProcessTempDir::deleteTree), "neurogym-temp-cleanup"));
        hookInstalled = true;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            log.debug("Deleting {}: {}", dir, e.toString());
        }
    }
}
