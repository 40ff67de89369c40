package org.neurogym.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16: a configuration file that is not UTF-8, too deep or too large is one error naming the file, never a crash. */
class ConfigLimitsTest {
    @TempDir Path dir;

    private static final String VALID = "[env]\nname = \"PerceptualDecisionMaking-v0\"\nsigma = 0.5\n";

    private Path file(byte[] bytes) throws Exception {
        Path f = dir.resolve("x.toml");
        Files.write(f, bytes);
        return f;
    }

    private static ConfigException refused(Path f) {
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.sources().file(f).environment(Map.of()).resolve());
        assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void latin1IsNotUtf8AndTheOffsetIsGiven() throws Exception {
        Path f = file(("# caf\u00e9\n" + VALID).getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = refused(f);
        assertTrue(e.getMessage().contains("not UTF-8") && e.getMessage().contains("offset 5"), e.getMessage());
    }

    @Test
    void utf16IsNamed() throws Exception {
        ConfigException e = refused(file(VALID.getBytes(StandardCharsets.UTF_16)));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ExperimentConfig c = ExperimentConfig.sources().file(file(withBom)).environment(Map.of()).resolve();
        assertEquals("PerceptualDecisionMaking-v0", c.env().name());
    }

    @Test
    void deepNestingIsOneLine() throws Exception {
        String deep = "x = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        ConfigException e = refused(file(deep.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
        assertTrue(e.getMessage().contains(":1:"), "line and column: " + e.getMessage());
        String dotted = "[" + "a.".repeat(20_000) + "b]\nc = 1\n";
        assertTrue(refused(file(dotted.getBytes(StandardCharsets.UTF_8))).getMessage().contains("nested"));
    }

    @Test
    void anEndlessOrHugeFileIsRefusedBySize() throws Exception {
        Path big = dir.resolve("big.toml");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n <= ConfigFileText.MAX_BYTES; n += line.length) out.write(line);
        }
        assertTrue(refused(big).getMessage().contains("larger than"));
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) assertTrue(refused(zero).getMessage().contains("larger than"));
    }

    @Test
    void tooManyTablesOrListItemsAreRefusedBeforeParsing() throws Exception {
        StringBuilder tables = new StringBuilder(VALID);
        for (int i = 0; i < 20_000; i++) tables.append("[env.t").append(i).append("]\nv = ").append(i).append('\n');
        ConfigException e = refused(file(tables.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("more than " + ConfigFileText.MAX_TABLES + " tables"), e.getMessage());
        StringBuilder list = new StringBuilder(VALID).append("cohs = [");
        for (int i = 0; i < 20_000; i++) list.append(i).append(", ");
        Path f = file(list.append("1]\n").toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(refused(f).getMessage().contains("list items"));
    }

    @Test
    void layersOfManyTablesAndLongListsMergeWithTheirOrigins() throws Exception {
        StringBuilder sb = new StringBuilder(VALID).append("big = [");
        for (int i = 0; i < 2_000; i++) sb.append(i).append(", ");
        sb.append("1]\n");
        for (int i = 0; i < 200; i++) sb.append("[env.t").append(i).append("]\nv = ").append(i).append('\n');
        Path f = file(sb.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> explicit = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) explicit.put("u" + i, Map.of("v", i)); // merged from code: no parser limit applies
        ExperimentConfig c = ExperimentConfig.sources().file(f)
                .explicit(Map.of("env", Map.of("sigma", 0.25, "extra", explicit))).environment(Map.of()).resolve();
        assertEquals(0.25, ((Number) c.env().params().get("sigma")).doubleValue());
        assertEquals(200 + 3, c.env().params().size(), "sigma, big, extra and the 200 tables");
        assertEquals(20_000, ((Map<?, ?>) c.env().params().get("extra")).size());
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.sources().text(sb + "[nonsense]\n", f)
                .environment(Map.of()).resolve());
        assertTrue(e.getMessage().contains(f + ":" + (sb.toString().lines().count() + 1)), e.getMessage());
        assertTrue(List.of(c.env().params().keySet().toArray()).contains("t199"));
    }
}
