package org.neurogym.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, in the words the shell uses
 * ("Permission denied", "No such file or directory", "No space left on device"), for one-line
 * errors such as {@code cannot write /proc/x.png: Permission denied}. Java's exceptions carry the
 * reason in different places (a FileSystemException's reason, the class of an
 * AccessDeniedException, the parenthesis of a FileNotFoundException); this finds it.
 */
public final class FileFailure {
    private FileFailure() {}

    /** The reason of the first IOException in {@code failure}'s cause chain, or its message when there is none. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fse) return reason(fse);
            if (t instanceof FileNotFoundException fnf && fnf.getMessage() != null) {
                String m = fnf.getMessage();
                int open = m.lastIndexOf(" (");
                return open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
            }
            if (t instanceof IOException io && io.getMessage() != null) return io.getMessage();
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    private static String reason(FileSystemException e) {
        if (e.getReason() != null) return e.getReason();
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof FileAlreadyExistsException) return "File exists";
        if (e instanceof DirectoryNotEmptyException) return "Directory not empty";
        if (e instanceof NotDirectoryException) return "Not a directory";
        return e.getClass().getSimpleName();
    }

    /** {@code <what> <file>: <reason>}, e.g. {@code cannot write /proc/x.png: Permission denied}. */
    public static String describe(String what, Object file, Throwable failure) {
        return what + " " + file + ": " + reason(failure);
    }
}
