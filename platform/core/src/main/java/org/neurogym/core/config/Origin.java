package org.neurogym.core.config;

import java.nio.file.Path;

/**
 * Where a configuration value came from: a position in a TOML file, or a named source (an
 * environment variable, an explicit value given in code or on the command line).
 */
public record Origin(Path file, int line, int column, String label) {

    public static Origin at(Path file, int line, int column) {
        return new Origin(file, line, column, null);
    }

    public static Origin of(String label) {
        return new Origin(null, 0, 0, label);
    }

    /** {@code experiment.toml:12:8}, {@code environment variable NGYM_X}, or null when unknown. */
    public String where() {
        if (file != null) return line > 0 ? file + ":" + line + ":" + column : file.toString();
        return label;
    }

    /** An error about {@code key} at this origin. */
    public ConfigException error(String key, String problem) {
        if (file != null || label == null) return new ConfigException(file, line, column, key, problem);
        return new ConfigException(label, key, problem);
    }
}
