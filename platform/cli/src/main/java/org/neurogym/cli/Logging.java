package org.neurogym.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Raises the log level for {@code --verbose}; everything else comes from logback.xml. */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        if (!verbose) return;
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.INFO);
            if (LoggerFactory.getLogger("org.neurogym") instanceof Logger ours) ours.setLevel(Level.DEBUG);
        }
    }
}
