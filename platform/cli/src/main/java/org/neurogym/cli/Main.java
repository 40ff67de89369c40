package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.param.ParameterException;
import org.neurogym.core.Host;
import org.neurogym.core.config.ConfigException;
import org.neurogym.core.config.RuntimeKind;
import org.neurogym.core.registry.UnknownIdException;
import org.neurogym.data.FileFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code neurogym <command>}: exit code 0 on success, 2 on bad usage or unknown ids, 1 on a
 * failure while running. Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "neurogym", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Neuroscience cognitive tasks for training neural networks.",
        subcommands = {ListCommand.class, InfoCommand.class, RunCommand.class, CheckCommand.class, WrappersCommand.class,
                DocsCommand.class, DatasetCommand.class, BenchCommand.class, PlotCommand.class, RenderCommand.class, PsychometricCommand.class,
                ConfigCommand.class,
                PluginsCommand.class, AssembleCommand.class, NewPluginCommand.class, CommandLine.HelpCommand.class})
public final class Main implements AutoCloseable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log more and print stack traces of errors.")
    boolean verbose;

    @Option(names = "--plugins-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Plugins directory (default: $NEUROGYM_PLUGINS, else <home>/plugins of the distribution).")
    Path pluginsDir;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Do not report plugin jars that failed to load ('neurogym plugins list' still shows them).")
    boolean quiet;

    @Option(names = "--runtime", scope = ScopeType.INHERIT, paramLabel = "KIND",
            description = "Plugin runtime: classpath (class path only), pf4j (default: the plugins directory, one class loader"
                    + " per jar) or osgi (the plugins directory as bundles in Apache Felix).")
    RuntimeKind runtime;

    private Host host;

    /** The running command's --config file, whose [platform] section chooses the runtime and plugins directory. */
    private Path configFile;
    private org.neurogym.core.config.PlatformConfig platform;

    RuntimeKind runtimeKind() {
        if (runtime != null) return runtime;
        String fromFile = platform().runtime();
        if (fromFile == null || fromFile.isBlank()) return RuntimeKind.DEFAULT;
        return RuntimeKind.valueOf(fromFile); // checked against RuntimeKind.names() when the file was read
    }

    /** The [platform] section of the command's --config file (defaults without one); command-line options win over it. */
    private org.neurogym.core.config.PlatformConfig platform() {
        if (platform == null) {
            platform = configFile == null ? org.neurogym.core.config.PlatformConfig.DEFAULTS
                    : org.neurogym.core.config.ExperimentConfig.load(configFile).platform();
        }
        return platform;
    }

    /** The host, started on first use: class-path plugins plus the plugins directory in the chosen runtime. */
    Host host() {
        if (host == null) {
            Host.Builder b = Host.builder().classpath(Main.class.getClassLoader());
            Path dir = runtimeKind() == RuntimeKind.classpath ? null : pluginsDirectory();
            if (dir != null) {
                if (runtimeKind() == RuntimeKind.osgi) b.runtime(new org.neurogym.osgi.OsgiRuntime(dir));
                else b.pluginsDirectory(dir);
            }
            host = b.build();
        }
        return host;
    }

    /**
     * Why an id or tag of a plugin may be missing under {@code --runtime classpath}: that runtime
     * loads only what is on the class path and never reads the plugins directory. Empty otherwise.
     */
    String classpathRuntimeNote() {
        if (runtime != RuntimeKind.classpath && (runtime != null || !"classpath".equals(platform().runtime()))) return "";
        return "; the classpath runtime does not read the plugins/ directory (only plugins on the class path are loaded):"
                + " drop --runtime classpath or choose pf4j or osgi to use the plugins there";
    }

    Path pluginsDirectory() {
        if (pluginsDir != null) {
            if (!Files.isDirectory(pluginsDir)) throw new CommandLine.ParameterException(new CommandLine(this),
                    "--plugins-dir: " + pluginsDir + " is not a directory");
            return pluginsDir;
        }
        Path dir = platform().pluginsDirectory(configFile);
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("platform.plugins: " + dir + " is not a directory (from " + configFile + ")");
            }
            return dir;
        }
        String env = System.getenv("NEUROGYM_PLUGINS");
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("neurogym.home");
        if (home != null) return Path.of(home, "plugins");
        return null;
    }

    /** When no task is loaded, where the plugins were looked for (the usual cause: an empty or wrong directory). */
    private String whereNothingLoaded() {
        if (host == null || !host.tasks().isEmpty() || runtimeKind() == RuntimeKind.classpath) return "";
        Path dir = pluginsDirectory();
        return dir == null ? "" : "; plugins directory: " + dir.toAbsolutePath();
    }

    @Override
    public void close() {
        if (host != null) host.close();
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (the tests' entry point). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try (Main main = new Main()) {
            CommandLine cli = new CommandLine(main);
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionStrategy(parsed -> {
                Logging.configure(main.verbose, main.quiet);
                for (CommandLine c : parsed.asCommandLineList()) {
                    for (var mixin : c.getCommandSpec().mixins().values()) {
                        if (mixin.userObject() instanceof EnvOptions e && e.config != null) main.configFile = e.config;
                    }
                }
                return new CommandLine.RunLast().execute(parsed);
            });
            cli.setParameterExceptionHandler((ex, a) -> {
                err.println("neurogym: " + ex.getMessage());
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
                err.println("Try 'neurogym " + (ex.getCommandLine().getCommandName().equals("neurogym") ? "" : ex.getCommandLine().getCommandName() + " ")
                        + "--help' for usage.");
                return USAGE;
            });
            cli.setExecutionExceptionHandler((ex, c, parsed) -> {
                String note = ex instanceof UnknownIdException ? main.classpathRuntimeNote() + main.whereNothingLoaded() : "";
                err.println("neurogym: " + message(ex) + note);
                if (main.verbose) ex.printStackTrace(err);
                return exitCode(ex);
            });
            int code;
            try {
                code = cli.execute(args);
            } catch (OutOfMemoryError e) {
                // sizes are checked before the big allocations; this is what slipped through
                err.println("neurogym: out of memory (" + e.getMessage() + ", heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                        + " MB): reduce the sizes asked for (--batch, --seq, --width, sizes such as dim_ring, timing) or give the JVM"
                        + " more memory with NEUROGYM_JAVA_OPTS=-Xmx8g");
                code = FAILURE;
            } catch (StackOverflowError e) {
                err.println("neurogym: the input is nested too deeply to process (stack overflow)");
                code = FAILURE;
            }
            out.flush();
            err.flush();
            return code;
        }
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof UnknownIdException || ex instanceof ParameterException || ex instanceof ConfigException
                || ex instanceof CommandLine.ParameterException || ex instanceof IllegalArgumentException) {
            return USAGE;
        }
        return FAILURE;
    }

    static String message(Throwable ex) {
        if (ex instanceof NeuroGymException || ex instanceof IllegalArgumentException) return ex.getMessage();
        // file errors carry the path and the OS reason ("cannot write /proc/x.png: Permission denied")
        if (ex instanceof java.io.UncheckedIOException u) return u.getMessage() + (u.getMessage().endsWith(FileFailure.reason(u)) ? "" : ": " + FileFailure.reason(u));
        if (ex instanceof java.io.IOException io) return FileFailure.reason(io);
        return ex.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"neurogym " + (v == null ? "(development build)" : v)
                    + ", api " + org.neurogym.api.spi.ApiVersion.current()
                    + ", Java " + System.getProperty("java.version")};
        }
    }
}
