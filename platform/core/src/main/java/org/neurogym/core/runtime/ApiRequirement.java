package org.neurogym.core.runtime;

import java.util.Optional;
import org.neurogym.api.spi.ApiVersion;

/**
 * The check every runtime makes of a plugin's {@code Plugin-Requires} against the api this host
 * provides (as SLF4J checks each provider's requested api version): a range the host's api is
 * outside, or a range that cannot be read, refuses the plugin.
 */
final class ApiRequirement {
    private ApiRequirement() {}

    /** Why the plugin cannot run on this host's api, or empty when it can (or states no requirement). */
    static Optional<String> refusal(String id, String version, String file, String requires) {
        if (requires == null || requires.isBlank()) return Optional.empty();
        boolean ok;
        try {
            ok = ApiVersion.satisfies(ApiVersion.current(), requires);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (ok) return Optional.empty();
        return Optional.of("plugin " + id + (version == null || version.isEmpty() ? "" : " " + version) + " (" + file + ") requires api "
                + requires + " but this host provides api " + ApiVersion.current() + "; use a version of the plugin built for api "
                + ApiVersion.current());
    }
}
