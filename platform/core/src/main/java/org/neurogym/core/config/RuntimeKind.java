package org.neurogym.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * How plugin jars are loaded, the one list of runtime kinds ({@code [platform] runtime}, the
 * CLI's {@code --runtime}): only the class path, a PF4J plugins directory, or OSGi bundles.
 */
public enum RuntimeKind {
    /** Only plugins on the class path; the plugins directory is not read. */
    classpath,
    /** The plugins directory, one class loader per jar (the default). */
    pf4j,
    /** The plugins directory as bundles in an embedded Apache Felix. */
    osgi;

    public static final RuntimeKind DEFAULT = pf4j;

    /** The kinds' names, for messages and validation. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
