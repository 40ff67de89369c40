package org.neurogym.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperProvider;

/**
 * The providers a class loader offers through {@code META-INF/services}, and what they describe.
 * A provider that fails to load or to list its descriptors becomes an error, not an exception.
 */
public record ProviderScan(List<TaskDescriptor> tasks, List<WrapperDescriptor> wrappers, List<String> errors,
                           List<Class<?>> providerClasses, List<Class<?>> taskOrigins, List<Class<?>> wrapperOrigins) {

    /**
     * Scans {@code loader}, keeping only providers whose class satisfies {@code owned} (a plugin's
     * loader also sees its parent's services, which belong to someone else).
     */
    public static ProviderScan of(ClassLoader loader, Predicate<Class<?>> owned) {
        List<TaskDescriptor> tasks = new ArrayList<>();
        List<WrapperDescriptor> wrappers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Class<?>> providers = new ArrayList<>();
        List<Class<?>> taskOrigins = new ArrayList<>();
        List<Class<?>> wrapperOrigins = new ArrayList<>();
        collect(ServiceLoader.load(TaskProvider.class, loader), owned, errors, p -> {
            List<TaskDescriptor> found = p.tasks();
            tasks.addAll(found);
            for (int i = 0; i < found.size(); i++) taskOrigins.add(p.getClass());
            providers.add(p.getClass());
        });
        collect(ServiceLoader.load(WrapperProvider.class, loader), owned, errors, p -> {
            List<WrapperDescriptor> found = p.wrappers();
            wrappers.addAll(found);
            for (int i = 0; i < found.size(); i++) wrapperOrigins.add(p.getClass());
            providers.add(p.getClass());
        });
        return new ProviderScan(tasks, wrappers, errors, providers, taskOrigins, wrapperOrigins);
    }

    private static <S> void collect(ServiceLoader<S> loader, Predicate<Class<?>> owned, List<String> errors,
                                    java.util.function.Consumer<S> sink) {
        var it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!it.hasNext()) break;
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                errors.add(describe(e));
                continue;
            }
            Class<? extends S> type;
            try {
                type = provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                errors.add(describe(e));
                continue;
            }
            if (!owned.test(type)) continue;
            try {
                sink.accept(provider.get());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                errors.add("provider " + type.getName() + " failed: " + describe(e));
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            sb.append(": ").append(root);
        }
        return sb.toString();
    }
}
