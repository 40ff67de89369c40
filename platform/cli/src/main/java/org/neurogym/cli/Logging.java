package org.neurogym.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the log level for {@code --verbose}, and turns off the report of plugin jars that failed
 * for {@code --quiet}; everything else comes from logback.xml.
 */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose, boolean quiet) {
        if (quiet && LoggerFactory.getLogger(org.neurogym.core.runtime.PluginReports.LOGGER) instanceof Logger plugins) {
            plugins.setLevel(Level.OFF);
        }
        if (!verbose) return;
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.INFO);
            if (LoggerFactory.getLogger("org.neurogym") instanceof Logger ours) ours.setLevel(Level.DEBUG);
        }
    }
}
