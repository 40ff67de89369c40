package org.neurogym.testkit;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperProvider;

/**
 * Makes tasks and wraps envs by id from the task and wrapper providers on a class path, found the
 * way the host finds them (ServiceLoader): what a plugin's tests use to make a composed task
 * without a host. Add the plugins a composition names as test dependencies.
 */
public final class ClasspathMaker implements EnvMaker {
    private final Map<String, TaskDescriptor> tasks = new TreeMap<>();
    private final Map<String, WrapperDescriptor> wrappers = new TreeMap<>();

    public ClasspathMaker(ClassLoader loader) {
        for (TaskProvider p : ServiceLoader.load(TaskProvider.class, loader)) {
            for (TaskDescriptor d : p.tasks()) tasks.put(d.id(), d);
        }
        for (WrapperProvider p : ServiceLoader.load(WrapperProvider.class, loader)) {
            for (WrapperDescriptor d : p.wrappers()) wrappers.put(d.id(), d);
        }
    }

    /** The providers on the calling thread's class path. */
    public static ClasspathMaker ofContext() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ClasspathMaker(loader != null ? loader : ClasspathMaker.class.getClassLoader());
    }

    @Override
    public Env make(String id, Map<String, ?> params) {
        TaskDescriptor d = tasks.get(id);
        if (d == null) throw new NeuroGymException("no task '" + id + "' on the class path (tasks: " + tasks.keySet() + ")");
        return d.create(params, this);
    }

    @Override
    public Env wrap(Env env, String wrapperId, Map<String, ?> params) {
        WrapperDescriptor d = wrappers.get(wrapperId);
        if (d == null) throw new NeuroGymException("no wrapper '" + wrapperId + "' on the class path (wrappers: " + wrappers.keySet() + ")");
        return d.wrap(env, params, this);
    }
}
