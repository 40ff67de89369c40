package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurogym.core.Host;
import org.neurogym.core.json.Json;
import org.neurogym.core.runtime.DirectoryRuntime;
import org.neurogym.core.runtime.Pf4jRuntime;
import org.neurogym.core.registry.PluginInfo;
import org.neurogym.core.registry.RegistryListener;
import org.neurogym.osgi.OsgiRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plugins", mixinStandardHelpOptions = true, description = "The loaded plugins, and a live view of the plugins directory.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Watch.class})
final class PluginsCommand implements Runnable {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "plugins: name a subcommand: list or watch");
    }

    /** One plugin as {@code plugins list --json} and {@code plugins watch --json} show it. */
    static Map<String, Object> describe(PluginInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("state", p.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("runtime", p.runtime());
        m.put("jar", p.location() == null ? null : p.location().toString());
        m.put("tasks", p.tasks());
        m.put("wrappers", p.wrappers());
        m.put("error", p.error());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every plugin found: id, version, state, jar, tasks and wrappers.")
    static final class ListPlugins implements java.util.concurrent.Callable<Integer> {
        @ParentCommand PluginsCommand parent;
        @Spec CommandSpec spec;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() {
            List<PluginInfo> plugins = parent.main.host().registry().plugins();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (PluginInfo p : plugins) rows.add(describe(p));
                out.println(Json.write(rows));
                return Main.OK;
            }
            int w = Math.max(6, plugins.stream().mapToInt(p -> p.id().length()).max().orElse(6));
            int v = Math.max(7, plugins.stream().mapToInt(p -> p.version().length()).max().orElse(7));
            String fmt = "%-" + w + "s  %-" + v + "s  %-6s  %-9s  %5s  %8s  %s%n";
            out.printf(fmt, "PLUGIN", "VERSION", "STATE", "RUNTIME", "TASKS", "WRAPPERS", "JAR");
            for (PluginInfo p : plugins) {
                out.printf(fmt, p.id(), p.version(), p.state().name().toLowerCase(java.util.Locale.ROOT), p.runtime(),
                        p.tasks().size(), p.wrappers().size(), p.location() == null ? "" : p.location().getFileName());
            }
            long failed = plugins.stream().filter(p -> p.state() == PluginInfo.State.FAILED).count();
            out.printf("%d plugin%s, %d failed%n", plugins.size(), plugins.size() == 1 ? "" : "s", failed);
            for (PluginInfo p : plugins) {
                if (p.error() != null) out.printf("  %s%s: %s%n", p.id(), p.location() == null ? "" : " (" + p.location().getFileName() + ")", p.error());
            }
            return Main.OK;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Watch the plugins directory and print one line per plugin loaded, unloaded or failed, until interrupted.")
    static final class Watch implements java.util.concurrent.Callable<Integer> {
        @ParentCommand PluginsCommand parent;
        @Spec CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "The directory to watch (default: the plugins directory).")
        Path dir;

        @Option(names = "--json", description = "One JSON object per line: {event, plugin, version, jar, tasks, wrappers, error}.")
        boolean json;

        @Option(names = "--max-events", paramLabel = "N", description = "Stop after N events (default: never).")
        int maxEvents;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this many seconds (default: never).")
        double timeout;

        @Override
        public Integer call() throws InterruptedException {
            Path d = dir != null ? dir : parent.main.pluginsDirectory();
            if (d == null) throw new IllegalArgumentException("plugins watch: no plugins directory; give --dir DIR or --plugins-dir DIR");
            if (!Files.isDirectory(d)) throw new IllegalArgumentException("--dir: " + d + " is not a directory");
            if (maxEvents < 0 || timeout < 0) throw new IllegalArgumentException("--max-events and --timeout must not be negative");
            DirectoryRuntime runtime = parent.main.runtimeKind() == org.neurogym.core.config.RuntimeKind.osgi ? new OsgiRuntime(d) : new Pf4jRuntime(d);
            PrintWriter out = spec.commandLine().getOut();
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger count = new AtomicInteger();
            try (Host host = Host.builder().runtime(runtime).build()) {
                Object lock = new Object();
                java.util.function.BiConsumer<String, PluginInfo> print = (event, p) -> {
                    synchronized (lock) {
                        if (done.getCount() == 0) return;
                        out.println(json ? Json.line(event(event, p)) : text(event, p));
                        out.flush();
                        if (maxEvents > 0 && count.incrementAndGet() >= maxEvents) done.countDown();
                    }
                };
                for (PluginInfo p : host.registry().plugins()) print.accept(p.state() == PluginInfo.State.LOADED ? "loaded" : "failed", p);
                host.registry().addListener(new RegistryListener() {
                    @Override public void loaded(PluginInfo p) { print.accept("loaded", p); }
                    @Override public void unloaded(PluginInfo p) { print.accept("unloaded", p); }
                    @Override public void failed(PluginInfo p) { print.accept("failed", p); }
                });
                if (!json) {
                    out.println("watching " + d.toAbsolutePath() + " (" + runtime.name() + "); interrupt to stop");
                    out.flush();
                }
                Thread hook = new Thread(runtime::close, "neurogym-watch-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                runtime.watch();
                try {
                    if (timeout > 0) done.await((long) (timeout * 1000), TimeUnit.MILLISECONDS);
                    else done.await();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // already shutting down: the hook closes the runtime
                    }
                }
            }
            return Main.OK;
        }

        private static Map<String, Object> event(String event, PluginInfo p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", event);
            m.put("plugin", p.id());
            m.put("version", p.version());
            m.put("jar", p.location() == null ? null : p.location().toString());
            m.put("tasks", p.tasks());
            m.put("wrappers", p.wrappers());
            m.put("error", p.error());
            return m;
        }

        private static String text(String event, PluginInfo p) {
            String what = event + " " + p.id() + (p.version().isEmpty() ? "" : " " + p.version())
                    + (p.location() == null ? "" : " [" + p.location().getFileName() + "]");
            if (p.error() != null) return what + ": " + p.error();
            return what + " (" + p.tasks().size() + " tasks, " + p.wrappers().size() + " wrappers)";
        }
    }
}
