package org.neurogym.core.runtime;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.spi.ApiVersion;

/**
 * One entry of a {@code Plugin-Dependencies} header: {@code id}, {@code id@versions} (a version
 * expression such as {@code >=1.0.0}) or {@code id?} for an optional dependency.
 */
public record PluginDependencySpec(String id, String versions, boolean optional) {

    public static List<PluginDependencySpec> parseAll(String header) {
        List<PluginDependencySpec> out = new ArrayList<>();
        if (header == null) return out;
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int at = p.indexOf('@');
            String id = at < 0 ? p : p.substring(0, at).trim();
            String versions = at < 0 || at == p.length() - 1 ? "*" : p.substring(at + 1).trim();
            boolean optional = id.endsWith("?");
            if (optional) id = id.substring(0, id.length() - 1);
            out.add(new PluginDependencySpec(id, versions, optional));
        }
        return out;
    }

    /** Whether a loaded version of the dependency is acceptable. */
    public boolean accepts(String version) {
        try {
            return ApiVersion.satisfies(version, versions);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
