package org.neurogym.core.config;

import java.util.Map;

/**
 * The {@code [env]} section: the task id and its parameters ({@code dt} and any task parameter,
 * e.g. {@code sigma}, or a {@code [env.timing]} table).
 */
public record EnvConfig(String name, Map<String, Object> params) {
    public EnvConfig {
        params = Map.copyOf(params);
    }
}
