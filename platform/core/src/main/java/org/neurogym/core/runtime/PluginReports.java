package org.neurogym.core.runtime;

import org.neurogym.core.registry.PluginInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line each runtime writes for a plugin jar that did not load, on the logger
 * {@value #LOGGER}: named by plugin id and file, written once per failure (a retry that fails
 * the same way stays silent). The CLI's {@code --quiet} turns this logger off; {@code neurogym
 * plugins list} shows the same failures with their reasons at any time.
 */
public final class PluginReports {
    /** The logger of plugin failures. */
    public static final String LOGGER = "org.neurogym.plugins";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private PluginReports() {}

    static void failed(PluginInfo info) {
        log.warn("plugin {}{} not loaded: {}", info.id(),
                info.location() == null ? "" : " (" + info.location().getFileName() + ")", info.error());
    }
}
