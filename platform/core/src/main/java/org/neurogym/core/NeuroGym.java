package org.neurogym.core;

import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.core.registry.WrapperEntry;

/**
 * The one-line entry point for library use: {@code NeuroGym.make("PerceptualDecisionMaking-v0", params)}.
 * Backed by a shared {@link Host} of the plugins on the class path, created on first use; build
 * your own {@link Host} for plugin directories or several hosts.
 */
public final class NeuroGym {
    private NeuroGym() {}

    private static final class Default {
        static final Host HOST = Host.classpath(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : NeuroGym.class.getClassLoader());
    }

    /** The shared class-path host. */
    public static Host host() {
        return Default.HOST;
    }

    public static Env make(String id) {
        return host().make(id);
    }

    public static Env make(String id, Map<String, ?> params) {
        return host().make(id, params);
    }

    public static Env wrap(Env env, String wrapperId) {
        return host().wrap(env, wrapperId, Map.of());
    }

    public static Env wrap(Env env, String wrapperId, Map<String, ?> params) {
        return host().wrap(env, wrapperId, params);
    }

    public static List<TaskEntry> tasks() {
        return host().tasks();
    }

    public static List<TaskEntry> tasks(String tag) {
        return host().tasks(tag);
    }

    public static List<String> tags() {
        return host().tags();
    }

    public static List<WrapperEntry> wrappers() {
        return host().wrappers();
    }
}
