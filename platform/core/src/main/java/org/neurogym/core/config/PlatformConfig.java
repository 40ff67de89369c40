package org.neurogym.core.config;

/**
 * The {@code [platform]} section: the plugins directory (empty: the distribution's
 * {@code plugins/}) and the plugin runtime ({@code pf4j}, {@code classpath} or {@code osgi}).
 */
public record PlatformConfig(String plugins, String runtime) {
    public static final PlatformConfig DEFAULTS = new PlatformConfig("", RuntimeKind.DEFAULT.name());
}
