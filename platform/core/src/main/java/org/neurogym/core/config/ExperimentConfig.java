package org.neurogym.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurogym.api.param.Suggestions;
import org.tomlj.TomlPosition;

/**
 * A whole experiment: {@code local_dir}, the task ({@code [env]}), its ordered
 * {@code [[wrappers]]}, the {@code [monitor]}, the agent's training and inference lengths
 * ({@code [agent]}), the {@code [dataset]} and the {@code [platform]}.
 *
 * <p>Three equivalent ways make one: a TOML file ({@link #load}, {@link #parse}), a
 * {@link #builder()}, or a {@link #fromMap(Map) Map} of the same shape. {@link #sources()} combines
 * them with the environment: explicit values win over the file, which wins over {@code NGYM_}
 * environment variables ({@code NGYM_MONITOR__INTERVAL=50}), which win over the defaults;
 * {@code ${VAR}} in strings is replaced from the environment. Every problem is a
 * {@link ConfigException} naming the key's path and where it was written (file, line, column).
 */
public final class ExperimentConfig {
    /** The top-level keys an experiment may hold. */
    public static final Set<String> SECTIONS = Set.of("local_dir", "env", "wrappers", "monitor", "agent", "dataset", "platform");
    public static final String DEFAULT_LOCAL_DIR = "runs";

    /** The keys of the sections with a fixed set of keys, by dotted table path. */
    private static final Map<String, Set<String>> FIXED_KEYS = Map.of(
            "agent", Set.of("training", "inference"),
            "agent.training", Set.of("unit", "value"),
            "agent.inference", Set.of("unit", "value"),
            "dataset", Set.of("batch", "seq", "seed", "batch_first"),
            "platform", Set.of("plugins", "runtime"));

    /**
     * Whether a key path (from an {@code NGYM_} variable) names configuration: {@code local_dir};
     * any key under {@code [env]} (a task parameter, checked by the task) or {@code [monitor]} (a
     * Monitor parameter, checked by the Monitor's schema); a known key of {@code [agent]},
     * {@code [dataset]} or {@code [platform]}. {@code [[wrappers]]} is a list and cannot be set so.
     */
    static boolean isSettableKey(List<String> path) {
        if (path.isEmpty() || path.stream().anyMatch(String::isEmpty)) return false;
        String section = path.get(0);
        if (section.equals("local_dir")) return path.size() == 1;
        if (section.equals("env") || section.equals("monitor")) return path.size() >= 2;
        String table = section;
        for (int i = 1; i < path.size(); i++) {
            Set<String> keys = FIXED_KEYS.get(table);
            if (keys == null || !keys.contains(path.get(i))) return false;
            table = table + "." + path.get(i);
        }
        return path.size() > 1 && !FIXED_KEYS.containsKey(table);
    }

    private final Path source;
    private final Layer layer;
    private final String localDir;
    private final EnvConfig env;
    private final List<WrapperConfig> wrappers;
    private final Map<String, Object> monitor;
    private final AgentConfig agent;
    private final DatasetConfig dataset;
    private final PlatformConfig platform;

    private ExperimentConfig(Path source, Layer layer) {
        this.source = source;
        this.layer = layer;
        Reader r = new Reader(layer);
        r.keys(layer.tree, "", SECTIONS, "section");
        this.localDir = r.string(layer.tree, "local_dir", DEFAULT_LOCAL_DIR, true);
        this.env = r.env();
        this.wrappers = List.copyOf(r.wrappers());
        this.monitor = r.monitor();
        this.agent = r.agent();
        this.dataset = r.dataset();
        this.platform = r.platform();
    }

    // ------------------------------------------------------------------ the three ways

    /** Reads a TOML file, over the {@code NGYM_} environment variables of this process. */
    public static ExperimentConfig load(Path file) {
        return sources().file(file).resolve();
    }

    /** Reads TOML text alone (no environment variables); {@code source} names it in messages (may be null). */
    public static ExperimentConfig parse(String text, Path source) {
        return sources().text(text, source).environment(Map.of()).resolve();
    }

    /** A configuration from a map of the file's shape ({@code "monitor" -> {"interval" -> 50}}); no environment variables. */
    public static ExperimentConfig fromMap(Map<String, ?> map) {
        return sources().explicit(map).environment(Map.of()).resolve();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Combines sources with the precedence explicit over file over environment over defaults. */
    public static Sources sources() {
        return new Sources();
    }

    /** Where the configuration comes from; unset sources are left out. */
    public static final class Sources {
        private Path file;
        private String text;
        private Map<String, ?> explicit;
        private Map<String, String> environment;

        private Sources() {}

        public Sources file(Path file) {
            this.file = file;
            this.text = null;
            return this;
        }

        /** TOML text; {@code source} names it in messages. */
        public Sources text(String text, Path source) {
            this.text = Objects.requireNonNull(text, "text");
            this.file = source;
            return this;
        }

        /** Explicit values (from code or the command line), which win over everything. */
        public Sources explicit(Map<String, ?> values) {
            this.explicit = values;
            return this;
        }

        /** The environment for {@code NGYM_} variables and {@code ${VAR}} (default: this process's). */
        public Sources environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public ExperimentConfig resolve() {
            Map<String, String> envVars = environment != null ? environment : System.getenv();
            Layer layer = Layer.fromEnvironment(envVars);
            if (text != null || file != null) {
                String t = text;
                if (t == null) t = ConfigFileText.read(file);
                layer = layer.with(Layer.fromToml(t, file));
            }
            if (explicit != null) layer = layer.with(Layer.fromMap(explicit, "an explicit value"));
            layer.expand(envVars);
            return new ExperimentConfig(file, layer);
        }
    }

    /** Builds the same configuration as a file would, in code. */
    public static final class Builder {
        private final Map<String, Object> tree = new LinkedHashMap<>();

        private Builder() {}

        /** Sets any dotted key: {@code set("monitor.plot.step", 20)}. */
        @SuppressWarnings("unchecked")
        public Builder set(String dottedKey, Object value) {
            String[] path = dottedKey.split("\\.");
            Map<String, Object> m = tree;
            for (int i = 0; i < path.length - 1; i++) {
                m = (Map<String, Object>) m.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            m.put(path[path.length - 1], value);
            return this;
        }

        public Builder localDir(String dir) {
            return set("local_dir", dir);
        }

        public Builder env(String name) {
            return set("env.name", name);
        }

        /** A task parameter ({@code dt}, {@code sigma}, {@code timing.stimulus}...). */
        public Builder param(String key, Object value) {
            return set("env." + key, value);
        }

        /** Appends a wrapper (innermost first). */
        @SuppressWarnings("unchecked")
        public Builder wrapper(String name, Map<String, ?> params) {
            List<Object> list = (List<Object>) tree.computeIfAbsent("wrappers", k -> new ArrayList<>());
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", name);
            w.putAll(params);
            list.add(w);
            return this;
        }

        /** A Monitor parameter ({@code interval}, {@code plot.step}...), checked by the Monitor when the env is made. */
        public Builder monitor(String key, Object value) {
            return set("monitor." + key, value);
        }

        public Builder training(String unit, long value) {
            return set("agent.training.unit", unit).set("agent.training.value", value);
        }

        public Builder inference(String unit, long value) {
            return set("agent.inference.unit", unit).set("agent.inference.value", value);
        }

        public Builder dataset(long batch, long seq, long seed, boolean batchFirst) {
            return set("dataset.batch", batch).set("dataset.seq", seq).set("dataset.seed", seed).set("dataset.batch_first", batchFirst);
        }

        public Builder platform(String plugins, String runtime) {
            return set("platform.plugins", plugins).set("platform.runtime", runtime);
        }

        /** The values set, as the map {@link ExperimentConfig#fromMap} takes. */
        public Map<String, Object> toMap() {
            return Layer.deepCopy(tree);
        }

        /** The configuration of these values alone (no file, no environment variables). */
        public ExperimentConfig build() {
            return fromMap(tree);
        }
    }

    // ------------------------------------------------------------------ the sections

    /** The directory that receives all output (Monitor data and figures), {@code runs} by default. */
    public String localDir() {
        return localDir;
    }

    /** The {@code [env]} section, or null when no source has one. */
    public EnvConfig env() {
        return env;
    }

    /** The ordered {@code [[wrappers]]}, innermost first (empty when absent). */
    public List<WrapperConfig> wrappers() {
        return wrappers;
    }

    /**
     * The {@code [monitor]} section as written (empty when absent): the Monitor wrapper's
     * parameters, which its own descriptor checks when an experiment is made (see
     * {@link org.neurogym.core.Experiment}); this class knows none of its keys.
     */
    public Map<String, Object> monitor() {
        return Layer.deepCopy(monitor);
    }

    /** True when some source wrote a {@code [monitor]} section. */
    public boolean hasMonitor() {
        return layer.tree.containsKey("monitor");
    }

    public AgentConfig agent() {
        return agent;
    }

    public DatasetConfig dataset() {
        return dataset;
    }

    public PlatformConfig platform() {
        return platform;
    }

    public Path source() {
        return source;
    }

    /** Where {@code dottedKey} was written ({@code experiment.toml:12:8}, an environment variable...), or null. */
    public String where(String dottedKey) {
        return layer.keyOrigin(dottedKey).where();
    }

    /** The TOML position of a dotted key (e.g. {@code env.sigma}) in the file, for messages; null when absent. */
    public TomlPosition position(String dottedKey) {
        if (layer.toml == null) return null;
        try {
            return layer.toml.inputPositionOf(dottedKey);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A {@link ConfigException} for a problem with {@code dottedKey}, positioned at the key (or at
     * its nearest enclosing key present in the sources).
     */
    public ConfigException error(String dottedKey, String problem) {
        return layer.keyOrigin(dottedKey).error(dottedKey, problem);
    }

    /** A {@link ConfigException} positioned at {@code key} of the {@code index}-th wrapper (or at the wrapper). */
    public ConfigException wrapperError(int index, String key, String problem) {
        String path = "wrappers[" + index + "]." + key;
        Origin o = layer.keyOrigins.get(path);
        String k = key;
        while (o == null && k.contains(".")) {
            k = k.substring(0, k.lastIndexOf('.'));
            o = layer.keyOrigins.get("wrappers[" + index + "]." + k);
        }
        if (o == null) o = layer.keyOrigin("wrappers[" + index + "].name");
        return o.error(path, problem);
    }

    /** The raw table of a section after all sources, as plain values (empty when absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        Object v = layer.tree.get(name);
        return v instanceof Map ? Layer.deepCopy((Map<String, Object>) v) : Map.of();
    }

    // ------------------------------------------------------------------ output

    /** The effective configuration, defaults included, in the file's shape. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("local_dir", localDir);
        if (env != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", env.name());
            e.putAll(env.params());
            m.put("env", e);
        }
        if (!wrappers.isEmpty()) {
            List<Object> ws = new ArrayList<>();
            for (WrapperConfig w : wrappers) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", w.name());
                t.putAll(w.params());
                ws.add(t);
            }
            m.put("wrappers", ws);
        }
        if (hasMonitor()) m.put("monitor", monitor());
        Map<String, Object> ag = new LinkedHashMap<>();
        ag.put("training", Map.of("unit", agent.training().unit(), "value", agent.training().value()));
        ag.put("inference", Map.of("unit", agent.inference().unit(), "value", agent.inference().value()));
        m.put("agent", ag);
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("batch", dataset.batch());
        ds.put("seq", dataset.seq());
        ds.put("seed", dataset.seed());
        ds.put("batch_first", dataset.batchFirst());
        m.put("dataset", ds);
        Map<String, Object> pl = new LinkedHashMap<>();
        pl.put("plugins", platform.plugins());
        pl.put("runtime", platform.runtime());
        m.put("platform", pl);
        return m;
    }

    /** The effective configuration as TOML, which {@link #parse} reads back to an equal configuration. */
    public String toToml() {
        return TomlWriter.write(toMap());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentConfig c && localDir.equals(c.localDir) && Objects.equals(env, c.env)
                && wrappers.equals(c.wrappers) && monitor.equals(c.monitor) && agent.equals(c.agent)
                && dataset.equals(c.dataset) && platform.equals(c.platform);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localDir, env, wrappers, monitor, agent, dataset, platform);
    }

    @Override
    public String toString() {
        return "ExperimentConfig" + toMap();
    }

    // ------------------------------------------------------------------ validation

    /** Reads typed values from the merged tree, failing at the first problem with its key and origin. */
    private static final class Reader {
        private final Layer layer;

        Reader(Layer layer) {
            this.layer = layer;
        }

        private ConfigException valueError(String path, String problem) {
            return layer.origin(path).error(path, problem);
        }

        void keys(Map<String, Object> table, String prefix, Set<String> known, String what) {
            for (String k : table.keySet()) {
                if (!known.contains(k)) {
                    String path = prefix.isEmpty() ? k : prefix + "." + k;
                    String in = prefix.isEmpty() ? "" : " in [" + prefix + "]";
                    throw layer.keyOrigin(path).error(path, "unknown " + what + " '" + k + "'" + in + Suggestions.didYouMean(k, known)
                            + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> table(Map<String, Object> parent, String prefix, String key) {
            Object v = parent.get(key);
            if (v == null) return null;
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (!(v instanceof Map)) throw valueError(path, path + " must be a table ([" + path + "]), got " + show(v));
            return (Map<String, Object>) v;
        }

        String string(Map<String, Object> t, String path, String dflt, boolean nonEmpty) {
            Object v = t == null ? null : t.get(last(path));
            if (v == null) return dflt;
            if (!(v instanceof String s)) throw valueError(path, path + " must be a string, got " + show(v));
            if (nonEmpty && s.isBlank()) throw valueError(path, path + " must not be empty");
            return s;
        }

        String oneOf(Map<String, Object> t, String path, String dflt, List<String> allowed) {
            String s = string(t, path, dflt, false);
            if (!allowed.contains(s)) {
                throw valueError(path, path + " must be one of " + String.join(", ", allowed) + ", got " + show(s)
                        + Suggestions.didYouMean(s, allowed));
            }
            return s;
        }

        long positive(Map<String, Object> t, String path, long dflt) {
            long v = integer(t, path, dflt, "a positive integer");
            if (v <= 0) throw valueError(path, path + " must be a positive integer, got " + v);
            return v;
        }

        long integer(Map<String, Object> t, String path, long dflt, String what) {
            Object v = t == null ? null : t.get(last(path));
            if (v == null) return dflt;
            if (!(v instanceof Long l)) throw valueError(path, path + " must be " + what + ", got " + show(v));
            return l;
        }

        boolean bool(Map<String, Object> t, String path, boolean dflt) {
            Object v = t == null ? null : t.get(last(path));
            if (v == null) return dflt;
            if (!(v instanceof Boolean b)) throw valueError(path, path + " must be true or false, got " + show(v));
            return b;
        }

        private static String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        EnvConfig env() {
            Map<String, Object> t = table(layer.tree, "", "env");
            if (t == null) return null;
            Object name = t.get("name");
            if (!(name instanceof String s) || s.isBlank()) {
                Origin o = t.containsKey("name") ? layer.origin("env.name") : layer.keyOrigin("env");
                throw o.error("env.name", "env.name must be a task id such as \"PerceptualDecisionMaking-v0\""
                        + (name == null ? "" : ", got " + show(name)));
            }
            Object dt = t.get("dt");
            if (dt != null && (!(dt instanceof Number n) || !(n.doubleValue() > 0))) {
                throw valueError("env.dt", "env.dt must be a positive number of ms, got " + show(dt));
            }
            Map<String, Object> params = new LinkedHashMap<>(t);
            params.remove("name");
            return new EnvConfig(s, params);
        }

        @SuppressWarnings("unchecked")
        List<WrapperConfig> wrappers() {
            Object v = layer.tree.get("wrappers");
            List<WrapperConfig> out = new ArrayList<>();
            if (v == null) return out;
            if (!(v instanceof List<?> list)) throw valueError("wrappers", "wrappers must be an array of tables ([[wrappers]]), got " + show(v));
            for (int i = 0; i < list.size(); i++) {
                String p = "wrappers[" + i + "]";
                if (!(list.get(i) instanceof Map)) throw valueError(p, "each wrapper must be a table ([[wrappers]] with a name), got " + show(list.get(i)));
                Map<String, Object> w = (Map<String, Object>) list.get(i);
                if (!(w.get("name") instanceof String name) || name.isBlank()) {
                    Origin o = w.containsKey("name") ? layer.origin(p + ".name") : layer.keyOrigin(p);
                    throw o.error(p + ".name", p + ".name must be a wrapper id such as \"PassReward\"");
                }
                Map<String, Object> params = new LinkedHashMap<>(w);
                params.remove("name");
                out.add(new WrapperConfig(name, params));
            }
            return out;
        }

        /** The [monitor] table as written; its keys are the Monitor's parameters, checked by its descriptor. */
        Map<String, Object> monitor() {
            Map<String, Object> t = table(layer.tree, "", "monitor");
            return t == null ? Map.of() : Layer.deepCopy(t);
        }

        AgentConfig agent() {
            Map<String, Object> t = table(layer.tree, "", "agent");
            if (t != null) keys(t, "agent", FIXED_KEYS.get("agent"), "key");
            return new AgentConfig(run(t, "training", AgentConfig.DEFAULTS.training()), run(t, "inference", AgentConfig.DEFAULTS.inference()));
        }

        private AgentConfig.Run run(Map<String, Object> agent, String which, AgentConfig.Run d) {
            Map<String, Object> t = agent == null ? null : table(agent, "agent", which);
            String prefix = "agent." + which;
            if (t != null) keys(t, prefix, FIXED_KEYS.get(prefix), "key");
            return new AgentConfig.Run(oneOf(t, prefix + ".unit", d.unit(), List.of("trial", "step")), positive(t, prefix + ".value", d.value()));
        }

        DatasetConfig dataset() {
            Map<String, Object> t = table(layer.tree, "", "dataset");
            DatasetConfig d = DatasetConfig.DEFAULTS;
            if (t != null) keys(t, "dataset", FIXED_KEYS.get("dataset"), "key");
            long seed = integer(t, "dataset.seed", d.seed(), "an integer");
            return new DatasetConfig(positive(t, "dataset.batch", d.batch()), positive(t, "dataset.seq", d.seq()), seed,
                    bool(t, "dataset.batch_first", d.batchFirst()));
        }

        PlatformConfig platform() {
            Map<String, Object> t = table(layer.tree, "", "platform");
            PlatformConfig d = PlatformConfig.DEFAULTS;
            if (t != null) keys(t, "platform", FIXED_KEYS.get("platform"), "key");
            return new PlatformConfig(string(t, "platform.plugins", d.plugins(), false),
                    oneOf(t, "platform.runtime", d.runtime(), RuntimeKind.names()));
        }

        private static String show(Object v) {
            if (v instanceof String s) return "\"" + s + "\"";
            if (v instanceof Map) return "a table";
            if (v instanceof List) return "an array";
            return String.valueOf(v).toLowerCase(Locale.ROOT).equals("null") ? "nothing" : String.valueOf(v);
        }
    }
}
