package org.neurogym.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurogym.api.param.Suggestions;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * An experiment described by a TOML file. Every problem is a {@link ConfigException} naming the
 * file, line, column and key.
 */
public final class ExperimentConfig {
    /** The top-level sections an experiment file may hold. */
    public static final Set<String> SECTIONS = Set.of("local_dir", "env", "wrappers", "monitor", "agent", "dataset", "platform");

    private final Path source;
    private final TomlParseResult toml;
    private final EnvConfig env;
    private final List<WrapperConfig> wrappers;

    private ExperimentConfig(Path source, TomlParseResult toml, EnvConfig env, List<WrapperConfig> wrappers) {
        this.source = source;
        this.toml = toml;
        this.env = env;
        this.wrappers = List.copyOf(wrappers);
    }

    public static ExperimentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, 0, null, "configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, null, "cannot read configuration file: " + e.getMessage());
        }
        return parse(text, file);
    }

    /** Parses TOML text; {@code source} is only used in messages (may be null). */
    public static ExperimentConfig parse(String text, Path source) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError e = toml.errors().get(0);
            TomlPosition pos = e.position();
            throw new ConfigException(source, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(), null,
                    "invalid TOML: " + e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""));
        }
        for (String key : toml.keySet()) {
            if (!SECTIONS.contains(key)) {
                TomlPosition pos = toml.inputPositionOf(key);
                throw new ConfigException(source, line(pos), column(pos), key, "unknown section '" + key + "'"
                        + Suggestions.didYouMean(key, SECTIONS) + " (known: " + String.join(", ", SECTIONS.stream().sorted().toList()) + ")");
            }
        }
        EnvConfig env = null;
        if (toml.contains("env")) {
            if (!toml.isTable("env")) {
                TomlPosition pos = toml.inputPositionOf("env");
                throw new ConfigException(source, line(pos), column(pos), "env", "env must be a table ([env])");
            }
            TomlTable t = toml.getTable("env");
            Object name = t.get("name");
            if (!(name instanceof String s) || s.isBlank()) {
                TomlPosition pos = t.contains("name") ? t.inputPositionOf("name") : toml.inputPositionOf("env");
                throw new ConfigException(source, line(pos), column(pos), "env.name", "env.name must be a task id such as \"PerceptualDecisionMaking-v0\"");
            }
            Map<String, Object> params = new LinkedHashMap<>(TomlValues.toMap(t));
            params.remove("name");
            env = new EnvConfig((String) name, params);
        }
        List<WrapperConfig> wrappers = new java.util.ArrayList<>();
        if (toml.contains("wrappers")) {
            if (!toml.isArray("wrappers")) {
                TomlPosition pos = toml.inputPositionOf("wrappers");
                throw new ConfigException(source, line(pos), column(pos), "wrappers", "wrappers must be an array of tables ([[wrappers]])");
            }
            org.tomlj.TomlArray array = toml.getArray("wrappers");
            for (int i = 0; i < array.size(); i++) {
                Object entry = array.get(i);
                if (!(entry instanceof TomlTable t)) {
                    throw new ConfigException(source, line(toml.inputPositionOf("wrappers")), column(toml.inputPositionOf("wrappers")),
                            "wrappers[" + i + "]", "each wrapper must be a table ([[wrappers]] with a name)");
                }
                if (!(t.get("name") instanceof String name) || name.isBlank()) {
                    TomlPosition pos = t.contains("name") ? t.inputPositionOf("name") : toml.inputPositionOf("wrappers");
                    throw new ConfigException(source, line(pos), column(pos), "wrappers[" + i + "].name",
                            "wrappers[" + i + "].name must be a wrapper id such as \"PassReward\"");
                }
                Map<String, Object> params = new LinkedHashMap<>(TomlValues.toMap(t));
                params.remove("name");
                wrappers.add(new WrapperConfig(name, params));
            }
        }
        return new ExperimentConfig(source, toml, env, wrappers);
    }

    /** The ordered {@code [[wrappers]]}, innermost first (empty when absent). */
    public List<WrapperConfig> wrappers() {
        return wrappers;
    }

    /** A {@link ConfigException} positioned at {@code key} of the {@code index}-th wrapper (or at the wrapper). */
    public ConfigException wrapperError(int index, String key, String problem) {
        TomlPosition pos = null;
        try {
            TomlTable t = toml.getArray("wrappers").getTable(index);
            String k = key;
            pos = t.inputPositionOf(k);
            while (pos == null && k.contains(".")) {
                k = k.substring(0, k.lastIndexOf('.'));
                pos = t.inputPositionOf(k);
            }
            if (pos == null) pos = t.inputPositionOf("name");
        } catch (RuntimeException e) {
            pos = null;
        }
        return new ConfigException(source, line(pos), column(pos), "wrappers[" + index + "]." + key, problem);
    }

    public Path source() {
        return source;
    }

    /** The {@code [env]} section, or null when the file has none. */
    public EnvConfig env() {
        return env;
    }

    /** The position of a dotted key (e.g. {@code env.sigma}), for messages; null when absent. */
    public TomlPosition position(String dottedKey) {
        try {
            return toml.inputPositionOf(dottedKey);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A {@link ConfigException} for a problem with {@code dottedKey}, positioned at the key (or at
     * its nearest enclosing key present in the file).
     */
    public ConfigException error(String dottedKey, String problem) {
        String k = dottedKey;
        TomlPosition pos = position(k);
        while (pos == null && k.contains(".")) {
            k = k.substring(0, k.lastIndexOf('.'));
            pos = position(k);
        }
        return new ConfigException(source, line(pos), column(pos), dottedKey, problem);
    }

    /** The raw table of a section, as plain values (empty when absent). */
    public Map<String, Object> section(String name) {
        Object v = toml.get(List.of(name));
        return v instanceof TomlTable t ? TomlValues.toMap(t) : Map.of();
    }

    private static int line(TomlPosition p) {
        return p == null ? 0 : p.line();
    }

    private static int column(TomlPosition p) {
        return p == null ? 0 : p.column();
    }
}
