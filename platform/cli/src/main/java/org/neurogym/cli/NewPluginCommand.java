package org.neurogym.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.neurogym.api.spi.ApiVersion;
import org.neurogym.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes a standalone task-plugin project (Maven) shaped like {@code plugins/example}: a go task
 * named after the plugin, its provider and services file, the contract test and a README. The
 * templates are plain text under {@code org/neurogym/cli/newplugin/} with {@code {{key}}} placeholders.
 */
@Command(name = "new-plugin", mixinStandardHelpOptions = true,
        description = {"Write a new task-plugin project (Maven) to start from: a task, its provider, tests and a README.",
                "NAME is the plugin id and artifactId: my-lab gives the task MyLabGo-v0 (class MyLabGo).",
                "With --wrapper, a wrapper-plugin project instead: my-lab gives the wrapper MyLabClock, which appends an",
                "observation channel, with its provider, services file and the wrapper contract test."})
final class NewPluginCommand implements Callable<Integer> {
    /** The NeuroGym version a development build (no filtered resource, no jar manifest) writes. */
    static final String DEVELOPMENT_VERSION = "0.1.0-SNAPSHOT";
    /** The version of the generated plugin itself. */
    static final String PLUGIN_VERSION = "0.1.0";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    private static final String TEMPLATES = "/org/neurogym/cli/newplugin/";

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "Plugin id and artifactId: lowercase letters, digits and dashes, starting with a letter (e.g. my-lab).")
    String name;

    @Option(names = "--package", paramLabel = "P", description = "Java package of the classes (default: org.example.<NAME without dashes>).")
    String packageName;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write (a new or empty one; default: ./NAME).")
    Path out;

    @Option(names = "--json", description = "Machine-readable summary.")
    boolean json;

    @Option(names = "--wrapper", description = "Write a wrapper plugin (an observation-channel wrapper) instead of a task plugin.")
    boolean wrapper;

    /**
     * Everything the templates are filled with. For a wrapper plugin ({@code wrapper}), {@code taskClass}
     * and {@code taskId} name the wrapper (templates say {@code wrapperClass}, {@code wrapperId}).
     */
    record Project(String name, String packageName, String taskClass, String providerClass, String taskId,
                   String neurogymVersion, String apiVersion, String pluginRequires, String apiRange, String neurogymHome,
                   boolean wrapper) {
        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("name", name);
            v.put("package", packageName);
            v.put("taskClass", taskClass);
            v.put("providerClass", providerClass);
            v.put("taskId", taskId);
            v.put("wrapperClass", taskClass);
            v.put("wrapperId", taskId);
            v.put("kind", wrapper ? "wrapper" : "task");
            v.put("version", PLUGIN_VERSION);
            v.put("neurogymVersion", neurogymVersion);
            v.put("apiVersion", apiVersion);
            v.put("pluginRequires", pluginRequires);
            v.put("pluginRequiresXml", pluginRequires.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            v.put("apiRange", apiRange);
            v.put("neurogymHome", neurogymHome.replace("&", "&amp;").replace("<", "&lt;"));
            return v;
        }

        String jarName() {
            return name + "-" + PLUGIN_VERSION + ".jar";
        }

        /** The project's files by relative path ('/'-separated), in writing order. */
        Map<String, String> files() {
            Map<String, String> v = values();
            Kind kind = wrapper ? Kind.WRAPPER : Kind.TASK;
            String src = packageName.replace('.', '/');
            Map<String, String> f = new LinkedHashMap<>();
            f.put("pom.xml", render("pom.xml.txt", v));
            f.put("README.md", render(kind.readme, v));
            f.put(".gitignore", render("gitignore.txt", v));
            f.put("src/main/java/" + src + "/" + taskClass + ".java", render(kind.mainClass, v));
            f.put("src/main/java/" + src + "/" + providerClass + ".java", render(kind.provider, v));
            f.put("src/main/resources/META-INF/services/" + kind.service, packageName + "." + providerClass + "\n");
            f.put("src/test/java/" + src + "/" + taskClass + "Test.java", render(kind.test, v));
            return f;
        }
    }

    /** What a task plugin and a wrapper plugin differ in: their templates and the service their provider implements. */
    private enum Kind {
        TASK("README.md.txt", "Task.java.txt", "Provider.java.txt", "TaskTest.java.txt", "org.neurogym.api.spi.TaskProvider"),
        WRAPPER("WrapperREADME.md.txt", "Wrapper.java.txt", "WrapperProvider.java.txt", "WrapperTest.java.txt",
                "org.neurogym.api.spi.WrapperProvider");

        final String readme;
        final String mainClass;
        final String provider;
        final String test;
        final String service;

        Kind(String readme, String mainClass, String provider, String test, String service) {
            this.readme = readme;
            this.mainClass = mainClass;
            this.provider = provider;
            this.test = test;
            this.service = service;
        }
    }

    /** File systems refuse names longer than 255 bytes; a long plugin name must fail here, before anything is written. */
    private static void requireNameFits(String file) {
        for (String segment : file.split("/")) {
            int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 255) {
                throw new IllegalArgumentException("NAME is too long: the project would need a file name of " + bytes
                        + " bytes (" + segment.substring(0, 40) + "...), more than the 255 file systems allow; nothing was written");
            }
        }
    }

    /** Writes the files under {@code dir}; on a failure removes what it wrote, so nothing partial is left (the docs promise it). */
    private static void write(Path dir, Map<String, String> files) throws IOException {
        List<Path> created = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                for (Path d = target.getParent(); d != null && !Files.exists(d); d = d.getParent()) created.add(d);
                Files.createDirectories(target.getParent());
                created.add(target);
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            created.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
            for (Path p : created) Files.deleteIfExists(p);
            throw e;
        }
    }

    @Override
    public Integer call() throws IOException {
        Project project = project(name, packageName, wrapper);
        Path dir = out != null ? out : Path.of(name);
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException((out != null ? "--out: " : "") + dir + " exists and is not a directory"
                        + (out != null ? "" : "; choose another with --out"));
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException((out != null ? "--out: " : "") + dir + " exists and is not empty; nothing was written"
                            + (out != null ? "" : " (choose another directory with --out)"));
                }
            }
        }
        Map<String, String> files = project.files();
        if (dir.getFileName() != null) requireNameFits(dir.getFileName().toString());
        for (String file : files.keySet()) requireNameFits(file);
        write(dir, files);

        PrintWriter o = spec.commandLine().getOut();
        Path abs = dir.toAbsolutePath().normalize();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", project.name());
            m.put("package", project.packageName());
            m.put(project.wrapper() ? "wrapperId" : "taskId", project.taskId());
            m.put(project.wrapper() ? "wrapperClass" : "taskClass", project.packageName() + "." + project.taskClass());
            m.put("providerClass", project.packageName() + "." + project.providerClass());
            m.put("out", abs.toString());
            m.put("neurogymVersion", project.neurogymVersion());
            m.put("apiVersion", project.apiVersion());
            m.put("pluginRequires", project.pluginRequires());
            m.put("neurogymHome", project.neurogymHome());
            m.put("jar", "target/" + project.jarName());
            m.put("files", new ArrayList<>(files.keySet()));
            o.println(Json.write(m));
        } else {
            o.println("Created plugin project " + project.name() + " in " + abs);
            o.println("  " + (project.wrapper() ? "wrapper " : "task ") + project.taskId() + " (class " + project.packageName() + "." + project.taskClass()
                    + "), provider " + project.providerClass());
            o.println("  builds against NeuroGym " + project.neurogymVersion() + " from " + project.neurogymHome()
                    + "/repository, Plugin-Requires " + project.pluginRequires());
            o.println("Next: cd " + dir + " && mvn package, then copy target/" + project.jarName()
                    + " into a distribution's plugins/ (see " + dir.resolve("README.md") + ")");
        }
        return Main.OK;
    }

    /** A task-plugin project. */
    static Project project(String name, String packageName) {
        return project(name, packageName, false);
    }

    /** Validates NAME and the package and derives the class names, ids and versions. */
    static Project project(String name, String packageName, boolean wrapper) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("NAME must be lowercase letters, digits and single dashes, starting with a letter"
                    + " (e.g. my-lab), got '" + name + "'");
        }
        String pkg = packageName;
        if (pkg == null) {
            pkg = "org.example." + name.replace("-", "");
            if (!SourceVersion.isName(pkg)) {
                throw new IllegalArgumentException("NAME '" + name + "' gives the package '" + pkg
                        + "', which is not a valid Java package; choose one with --package");
            }
        } else if (!SourceVersion.isName(pkg)) {
            throw new IllegalArgumentException("--package: '" + pkg + "' is not a valid Java package name (e.g. org.example.mylab)");
        } else if (pkg.equals("org.neurogym.api") || pkg.startsWith("org.neurogym.api.")) {
            throw new IllegalArgumentException("--package: '" + pkg + "' is inside org.neurogym.api, which the host always loads"
                    + " from its own api; choose another package");
        }
        StringBuilder base = new StringBuilder();
        for (String part : name.split("-")) base.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        String api = ApiVersion.current();
        String[] range = apiRange(api);
        return new Project(name, pkg, base + (wrapper ? "Clock" : "Go"), base + (wrapper ? "Wrappers" : "Tasks"),
                wrapper ? base + "Clock" : base + "Go-v0",
                neurogymVersion(), api, ">=" + range[0] + " & <" + range[1], "[" + range[0] + "," + range[1] + ")", neurogymHome(), wrapper);
    }

    /**
     * The distribution the project resolves the api, test kit and BOM from (its {@code repository/}):
     * the one running this command ({@code neurogym.home}, an absolute path), else a placeholder to
     * replace or override with {@code -Dneurogym.home}.
     */
    static String neurogymHome() {
        String home = System.getProperty("neurogym.home");
        if (home == null || home.isBlank()) return "/path/to/neurogym";
        return Path.of(home).toAbsolutePath().normalize().toString();
    }

    /**
     * The api versions a plugin made for {@code api} works with, as {lowest, first excluded}: from
     * this version up to the next breaking one (the next minor while the major is 0, else the next major).
     */
    static String[] apiRange(String api) {
        String[] parts = api.split("[-+]")[0].trim().split("\\.");
        int[] v = new int[3];
        try {
            for (int i = 0; i < 3 && i < parts.length; i++) v[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the host's api version '" + api + "' is not a dotted numeric version");
        }
        String low = v[0] + "." + v[1] + "." + v[2];
        String high = v[0] == 0 ? "0." + (v[1] + 1) + ".0" : (v[0] + 1) + ".0.0";
        return new String[] {low, high};
    }

    /**
     * The NeuroGym version whose api and test kit the project depends on: the cli jar's
     * Implementation-Version, else the version filtered into {@code host.properties} at build time,
     * else (an unfiltered development build) {@value #DEVELOPMENT_VERSION}.
     */
    static String neurogymVersion() {
        String v = NewPluginCommand.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) return v.trim();
        try (InputStream in = NewPluginCommand.class.getResourceAsStream(TEMPLATES + "host.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String f = p.getProperty("neurogym.version", "").trim();
                if (!f.isEmpty() && !f.contains("${")) return f;
            }
        } catch (IOException e) {
            // fall through to the development version
        }
        return DEVELOPMENT_VERSION;
    }

    /** Fills a template's {{key}} placeholders; an unknown key is a bug in the template. */
    static String render(String template, Map<String, String> values) {
        String text;
        try (InputStream in = NewPluginCommand.class.getResourceAsStream(TEMPLATES + template)) {
            if (in == null) throw new IllegalStateException("template " + template + " is missing from the cli jar");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + template, e);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException("template " + template + " has an unknown placeholder " + m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The templates, for tests that check every placeholder is known. */
    static List<String> templates() {
        List<String> all = new ArrayList<>(List.of("pom.xml.txt", "gitignore.txt"));
        for (Kind k : Kind.values()) all.addAll(List.of(k.readme, k.mainClass, k.provider, k.test));
        return all;
    }
}
