package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.api.spi.ApiVersion;
import org.w3c.dom.Document;

class NewPluginCommandTest {
    @TempDir Path dir;

    static CliTest.Result cli(String... args) {
        return CliTest.cli(args);
    }

    static String read(Path p) throws Exception {
        return Files.readString(p);
    }

    @Test
    void writesAProjectWithTheIdsAndPackageDerivedFromTheName() throws Exception {
        Path out = dir.resolve("my-lab");
        CliTest.Result r = cli("new-plugin", "my-lab", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Created plugin project my-lab") && r.out().contains("MyLabGo-v0"), r.out());

        Path src = out.resolve("src/main/java/org/example/mylab");
        for (Path p : List.of(out.resolve("pom.xml"), out.resolve("README.md"), out.resolve(".gitignore"),
                src.resolve("MyLabGo.java"), src.resolve("MyLabTasks.java"),
                out.resolve("src/test/java/org/example/mylab/MyLabGoTest.java"),
                out.resolve("src/main/resources/META-INF/services/org.neurogym.api.spi.TaskProvider"))) {
            assertTrue(Files.isRegularFile(p), p + " missing");
            assertFalse(read(p).contains("{{"), p + " has an unfilled placeholder");
        }
        String task = read(src.resolve("MyLabGo.java"));
        assertTrue(task.startsWith("package org.example.mylab;"), task);
        assertTrue(task.contains("public final class MyLabGo extends TrialEnv"), task);
        assertTrue(task.contains("TaskDescriptor.builder(\"MyLabGo-v0\")") && task.contains(".family(\"my-lab\")"), task);
        assertTrue(read(src.resolve("MyLabTasks.java")).contains("List.of(MyLabGo.DESCRIPTOR)"));
        assertEquals("org.example.mylab.MyLabTasks\n",
                read(out.resolve("src/main/resources/META-INF/services/org.neurogym.api.spi.TaskProvider")));
        String readme = read(out.resolve("README.md"));
        assertTrue(readme.contains("mvn package") && readme.contains("cp target/my-lab-0.1.0.jar <neurogym>/plugins/"), readme);

        // the pom: well-formed, the right ids, the host's versions
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("pom.xml").toFile());
        assertEquals("org.example.mylab", text(pom, "groupId", 0));
        assertEquals("my-lab", text(pom, "artifactId", 0));
        assertEquals("my-lab", text(pom, "Plugin-Id", 0));
        String[] range = NewPluginCommand.apiRange(ApiVersion.current());
        assertEquals(">=" + range[0] + " & <" + range[1], text(pom, "plugin.requires", 0));
        assertEquals("[" + range[0] + "," + range[1] + ")", text(pom, "api.range", 0));
        assertTrue(ApiVersion.satisfies(ApiVersion.current(), text(pom, "plugin.requires", 0)));
        String version = text(pom, "neurogym.version", 0);
        assertEquals(NewPluginCommand.neurogymVersion(), version);
        assertFalse(version.contains("${"), version);
        // the artifact version (e.g. 0.1.0-SNAPSHOT) is not the api version (0.2.0): what the plugin needs is the range above
        // it resolves the api, the test kit and the BOM from the repository/ of the distribution that made it
        assertEquals(NewPluginCommand.neurogymHome(), text(pom, "neurogym.home", 0));
        assertEquals("file://${neurogym.home}/repository", text(pom, "url", 0));
        String pomText = read(out.resolve("pom.xml"));
        assertTrue(pomText.contains("<artifactId>neurogym-bom</artifactId>") && pomText.contains("<scope>import</scope>"), pomText);
    }

    private static String text(Document d, String tag, int i) {
        return d.getElementsByTagName(tag).item(i).getTextContent().trim();
    }

    @Test
    void aGivenPackageAndJsonSummary() throws Exception {
        Path out = dir.resolve("p");
        CliTest.Result r = cli("new-plugin", "lab2-x", "--package", "com.acme.tasks", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("lab2-x", r.field("name"));
        assertEquals("com.acme.tasks", r.field("package"));
        assertEquals("Lab2XGo-v0", r.field("taskId"));
        assertEquals("com.acme.tasks.Lab2XGo", r.field("taskClass"));
        assertEquals("target/lab2-x-0.1.0.jar", r.field("jar"));
        assertTrue(r.out().contains("src/test/java/com/acme/tasks/Lab2XGoTest.java"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("src/main/java/com/acme/tasks/Lab2XGo.java")));
        assertTrue(read(out.resolve("src/main/java/com/acme/tasks/Lab2XTasks.java")).startsWith("package com.acme.tasks;"));
    }

    @Test
    void badNamesAndPackagesAreUsageErrors() {
        for (String bad : List.of("My-Lab", "1lab", "lab-", "my--lab", "my_lab", "my.lab")) {
            CliTest.Result r = cli("new-plugin", bad, "--out", dir.resolve("x").toString());
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("NAME must be lowercase letters, digits and single dashes") && r.err().contains(bad), r.err());
        }
        CliTest.Result keyword = cli("new-plugin", "int", "--out", dir.resolve("x").toString());
        assertEquals(2, keyword.code());
        assertTrue(keyword.err().contains("org.example.int") && keyword.err().contains("--package"), keyword.err());
        CliTest.Result pkg = cli("new-plugin", "lab", "--package", "com.1acme", "--out", dir.resolve("x").toString());
        assertEquals(2, pkg.code());
        assertTrue(pkg.err().contains("--package: 'com.1acme' is not a valid Java package name"), pkg.err());
        CliTest.Result api = cli("new-plugin", "lab", "--package", "org.neurogym.api.lab", "--out", dir.resolve("x").toString());
        assertEquals(2, api.code());
        assertTrue(api.err().contains("org.neurogym.api"), api.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written on bad input");
        assertEquals(2, cli("new-plugin").code());
        assertEquals(2, cli("new-plugin", "-lab").code(), "a leading dash reads as an unknown option");
    }

    @Test
    void refusesANonEmptyDirectoryAndAcceptsAnEmptyOne() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        CliTest.Result r = cli("new-plugin", "lab", "--out", full.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out: " + full + " exists and is not empty"), r.err());
        try (Stream<Path> s = Files.list(full)) {
            assertEquals(List.of(full.resolve("notes.txt")), s.toList());
        }
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals(2, cli("new-plugin", "lab", "--out", file.toString()).code());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, cli("new-plugin", "lab", "--out", empty.toString()).code());
        assertTrue(Files.isRegularFile(empty.resolve("src/main/java/org/example/lab/LabGo.java")));
    }

    @Test
    void apiRangeRunsToTheNextBreakingVersion() {
        assertArrayEquals(new String[] {"0.1.0", "0.2.0"}, NewPluginCommand.apiRange("0.1.0"));
        assertArrayEquals(new String[] {"0.3.1", "0.4.0"}, NewPluginCommand.apiRange("0.3.1-SNAPSHOT"));
        assertArrayEquals(new String[] {"1.4.2", "2.0.0"}, NewPluginCommand.apiRange("1.4.2"));
        assertArrayEquals(new String[] {"2.0.0", "3.0.0"}, NewPluginCommand.apiRange("2"));
    }

    @Test
    void everyTemplatePlaceholderIsKnown() {
        NewPluginCommand.Project p = NewPluginCommand.project("x", null);
        for (String t : NewPluginCommand.templates()) assertFalse(NewPluginCommand.render(t, p.values()).contains("{{"), t);
    }

    /**
     * The generated sources compile against the api, the test kit and JUnit (the test class path),
     * and the generated tests pass: the contract and the task's own tests, run here by reflection.
     */
    @Test
    void theGeneratedProjectCompilesAndItsTestsPass() throws Exception {
        Path out = dir.resolve("proj");
        assertEquals(0, cli("new-plugin", "my-lab", "--out", out.toString()).code());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<File> sources;
        try (Stream<Path> s = Files.walk(out.resolve("src"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        assertEquals(3, sources.size(), sources.toString());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "no system Java compiler (a JRE without javac?)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            boolean ok = javac.getTask(log, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertTrue(ok, "compilation failed: " + diagnostics.getDiagnostics() + log);
        }
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.copy(out.resolve("src/main/resources/META-INF/services/org.neurogym.api.spi.TaskProvider"),
                services.resolve("org.neurogym.api.spi.TaskProvider"));

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            Class<?> testClass = loader.loadClass("org.example.mylab.MyLabGoTest");
            var constructor = testClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            List<String> ran = new ArrayList<>();
            int contractChecks = 0;
            for (Method m : testClass.getDeclaredMethods()) {
                m.setAccessible(true);
                try {
                    if (m.isAnnotationPresent(Test.class)) {
                        m.invoke(constructor.newInstance());
                        ran.add(m.getName());
                    } else if (m.isAnnotationPresent(TestFactory.class)) {
                        try (Stream<?> tests = (Stream<?>) m.invoke(constructor.newInstance())) {
                            for (Object t : tests.toList()) {
                                DynamicTest test = (DynamicTest) t;
                                try {
                                    test.getExecutable().execute();
                                } catch (Throwable e) {
                                    throw new AssertionError("contract check '" + test.getDisplayName() + "' failed: " + e, e);
                                }
                                contractChecks++;
                            }
                        }
                        ran.add(m.getName());
                    }
                } catch (InvocationTargetException e) {
                    throw new AssertionError("generated test " + m.getName() + " failed: " + e.getCause(), e.getCause());
                }
            }
            assertEquals(5, ran.size(), ran.toString());
            assertTrue(contractChecks >= 5, "contract checks run: " + contractChecks);

            // the task itself, made through its provider as the host makes it
            Object provider = loader.loadClass("org.example.mylab.MyLabTasks").getConstructor().newInstance();
            var tasks = ((org.neurogym.api.spi.TaskProvider) provider).tasks();
            assertEquals("MyLabGo-v0", tasks.get(0).id());
            assertEquals("my-lab", tasks.get(0).family());
            try (var env = tasks.get(0).create(Map.of())) {
                assertEquals(2, ((org.neurogym.api.space.Box) env.observationSpace()).size());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
