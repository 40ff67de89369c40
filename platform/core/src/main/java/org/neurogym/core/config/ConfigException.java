package org.neurogym.core.config;

import java.nio.file.Path;
import org.neurogym.api.NeuroGymException;

/** A configuration that cannot be used; the message names the file, line, column and key. */
public class ConfigException extends NeuroGymException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;
    private final int column;
    private final String key;

    public ConfigException(Path file, int line, int column, String key, String problem) {
        super(format(file, line, column, key, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
    }

    /** A problem with a value that did not come from a file: {@code where} names its source (an environment variable...). */
    public ConfigException(String where, String key, String problem) {
        super(format(null, 0, 0, key, problem) + (where == null ? "" : " (from " + where + ")"));
        this.file = null;
        this.line = 0;
        this.column = 0;
        this.key = key;
    }

    private static String format(Path file, int line, int column, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (key != null && !key.isEmpty() && !problem.contains(key)) sb.append(key).append(": ");
        sb.append(problem);
        if (file != null) {
            sb.append(" at ").append(file);
            if (line > 0) sb.append(':').append(line).append(':').append(column);
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String key() {
        return key;
    }
}
