package org.neurogym.core.config;

/**
 * The {@code [platform]} section: the plugins directory (empty: the distribution's
 * {@code plugins/}) and the plugin runtime ({@code pf4j}, {@code classpath} or {@code osgi}).
 */
public record PlatformConfig(String plugins, String runtime) {
    public static final PlatformConfig DEFAULTS = new PlatformConfig("", RuntimeKind.DEFAULT.name());

    /** The plugins directory, relative to the configuration file's directory; null when the section names none. */
    public java.nio.file.Path pluginsDirectory(java.nio.file.Path configFile) {
        if (plugins == null || plugins.isBlank()) return null;
        java.nio.file.Path base = configFile == null ? null : configFile.toAbsolutePath().getParent();
        return base == null ? java.nio.file.Path.of(plugins) : base.resolve(plugins);
    }
}
