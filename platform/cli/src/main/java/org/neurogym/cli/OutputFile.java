package org.neurogym.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neurogym.data.FileFailure;

/**
 * The one convention of every command that writes a file ({@code dataset}, {@code plot},
 * {@code psychometric}, {@code render}, {@code docs}; see docs/cli.md, "Output files"): the path is checked before
 * the job runs (not empty, not a directory, its directory writable; missing directories are
 * created); an existing file is replaced, and stderr says so in one line; the file appears at its
 * path only when complete (written beside it and moved into place), so an interrupted or failed
 * command leaves no partial file.
 */
final class OutputFile {
    private final Path path;
    private final boolean replacing;

    private OutputFile(Path path, boolean replacing) {
        this.path = path;
        this.replacing = replacing;
    }

    /** Checks {@code path}, given by {@code option}, before any work; the error names the option, the path and why. */
    static OutputFile check(String option, Path path) {
        if (path == null || path.toString().isBlank()) throw new IllegalArgumentException(option + ": the output file name is empty");
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + ": " + path + " is a directory; name a file in it, e.g. " + path.resolve("out"));
        }
        Path dir = path.toAbsolutePath().getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + ": cannot write " + path + ": " + existing + " is not a directory");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + ": cannot write " + path + ": Permission denied (" + existing + ")");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw new IllegalArgumentException(option + ": cannot replace " + path + ": Permission denied");
        }
        return new OutputFile(path, Files.exists(path));
    }

    Path path() {
        return path;
    }

    /** Creates the missing directories of the path, right before writing. */
    void createDirectories() {
        Path dir = path.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(FileFailure.describe("cannot create", dir, e), e);
        }
    }

    /** Writes {@code text} (UTF-8) beside the path and moves it into place, so the file is never seen half written. */
    void writeString(String text) {
        createDirectories();
        Path target = path.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FileFailure.describe("cannot write", path, e), e);
        } finally {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write's own failure is what matters
            }
        }
    }

    /** After a successful write: one line on stderr when an existing file was replaced. */
    void reportReplaced(PrintWriter err) {
        if (replacing) err.println("neurogym: replaced the existing " + path);
    }
}
