package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurogym.data.npy.DType;
import org.neurogym.data.npy.NpyArray;
import org.neurogym.data.npy.NpzReader;

class DatasetCommandTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesInputsAndTargetsWithTheIssueShape() throws Exception {
        Path x = dir.resolve("x.npz");
        Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "16", "--seq", "100", "--batches", "10", "--seed", "3",
                "--out", x.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("float32 (10, 100, 16, 3)"), r.out());
        assertEquals("", r.err()); // no terminal in tests: no progress bar
        Map<String, NpyArray> a = NpzReader.readAll(x);
        assertArrayEquals(new long[] {10, 100, 16, 3}, a.get("inputs").shape());
        assertEquals(DType.FLOAT32, a.get("inputs").dtype());
        assertArrayEquals(new long[] {10, 100, 16}, a.get("targets").shape());
        assertEquals(DType.INT64, a.get("targets").dtype());

        // same seed, byte-identical file, whatever the threads
        Path y = dir.resolve("y.npz");
        assertEquals(0, cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "16", "--seq", "100", "--batches", "10", "--seed", "3",
                "--threads", "1", "--out", y.toString()).code());
        assertArrayEquals(Files.readAllBytes(x), Files.readAllBytes(y));
        assertFalse(Files.exists(dir.resolve("x.npz.part")));
    }

    @Test
    void batchFirstParamsWrappersAndJson() {
        Path f = dir.resolve("bf.npz");
        Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--param", "dim_ring=4", "--batch", "3", "--seq", "25", "--batches", "2",
                "--batch-first", "--seed", "1", "--out", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"inputs\":{"), o);
        assertTrue(o.contains("[2,3,25,5]"), o);
        assertTrue(o.contains("\"seed\":1"), o);
        Map<String, NpyArray> a = NpzReader.readAll(f);
        assertArrayEquals(new long[] {2, 3, 25, 5}, a.get("inputs").shape());
        assertArrayEquals(new long[] {2, 3, 25}, a.get("targets").shape());
    }

    @Test
    void badUsageIsExitTwoNamingTheOption() {
        Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "0", "--seq", "10", "--batches", "1", "--out",
                dir.resolve("z.npz").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--batch must be at least 1"), r.err());
        Result missing = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "2", "--seq", "10", "--batches", "1");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--out"), missing.err());
        Result unknown = cli("dataset", "PerceptualDecisionMakin-v0", "--batch", "2", "--seq", "10", "--batches", "1", "--out",
                dir.resolve("z.npz").toString());
        assertEquals(2, unknown.code(), unknown.err());
        assertFalse(Files.exists(dir.resolve("z.npz")));
    }

    @Test
    void benchReportsEveryFigure() {
        Result r = cli("bench", "PerceptualDecisionMaking-v0", "--seconds", "0.06", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        for (String key : new String[] {"stepsPerSecond", "newTrialsPerSecond", "oneThread", "allCores"}) {
            assertTrue(o.matches(".*\"" + key + "\":[0-9.eE+]+.*"), key + " in " + o);
        }
        assertTrue(o.contains("\"batchSize\":16,\"seqLen\":100"), o);
    }

    @Test
    void masksTrialStartsFactsAndMeta() throws Exception {
        Path x = dir.resolve("m.npz");
        Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "3", "--seq", "50", "--batches", "2", "--seed", "5",
                "--mask", "fixation=0", "--trial-starts", "--trial-facts", "--out", x.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, NpyArray> a = NpzReader.readAll(x);
        assertArrayEquals(new long[] {2, 50, 3}, a.get("mask").shape());
        assertEquals(DType.FLOAT32, a.get("mask").dtype());
        assertArrayEquals(new long[] {2, 50, 3}, a.get("trial_start").shape());
        assertEquals(DType.BOOL, a.get("trial_start").dtype());
        long[] trials = a.get("trials").shape();
        assertEquals(3, trials[1]);
        assertArrayEquals(new long[] {trials[0]}, a.get("trial_coh").shape());
        assertArrayEquals(new long[] {trials[0]}, a.get("trial_ground_truth").shape());
        long[] metaBytes = a.get("meta").longs();
        byte[] raw = new byte[metaBytes.length];
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) metaBytes[i];
        String meta = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(meta.contains("\"task\":\"PerceptualDecisionMaking-v0\""), meta);
        assertTrue(meta.contains("\"n_actions\":3") && meta.contains("\"seed\":5") && meta.contains("\"mask\":\"fixation=0.0,*=1.0\""), meta);
        assertTrue(meta.contains("\"stimulus\""), meta); // channel names
    }

    @Test
    void refusesStandardOutputAndBadMasks() {
        Result r = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "1", "--seq", "5", "--batches", "1", "--out", "-");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out -: an .npz cannot go to standard output"), r.err());
        assertFalse(Files.exists(Path.of("-")));
        Result m = cli("dataset", "PerceptualDecisionMaking-v0", "--batch", "1", "--seq", "5", "--batches", "1", "--mask", "fixation",
                "--out", dir.resolve("z.npz").toString());
        assertEquals(2, m.code());
        assertTrue(m.err().contains("--mask: mask 'fixation'"), m.err());
    }

    @Test
    void benchMeasuresOnlyTheFiguresAskedFor() {
        Result d = cli("bench", "PerceptualDecisionMaking-v0", "--seconds", "0.03", "--threads", "2", "--figures", "dataset", "--json");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("\"datasetTimestepsPerSecond\""), d.out());
        assertFalse(d.out().contains("\"stepsPerSecond\"") || d.out().contains("\"newTrialsPerSecond\""), d.out());
        Result s = cli("bench", "PerceptualDecisionMaking-v0", "--seconds", "0.03", "--figures", "step,trials");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("steps/s (random agent") && s.out().contains("new trials/s"), s.out());
        assertFalse(s.out().contains("dataset"), s.out());
        Result bad = cli("bench", "PerceptualDecisionMaking-v0", "--figures", "speed");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--figures") && bad.err().contains("speed"), bad.err());
    }

    @Test
    void benchMeasuresVectorEnvsAndEveryThreadCount() {
        Result r = cli("bench", "PerceptualDecisionMaking-v0", "--seconds", "0.03", "--threads", "2,3", "--vector", "1,4", "--vector-threads", "1,2", "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.matches(".*\"byThreads\":\\{\"1\":[0-9.eE+]+,\"2\":[0-9.eE+]+,\"3\":[0-9.eE+]+}.*"), o);
        // the thread counts' paired scalings, one per count beyond the 1-thread baseline
        assertTrue(o.matches(".*\"scalingOverOneThread\":\\{\"2\":[0-9.eE+]+,\"3\":[0-9.eE+]+}.*"), o);
        for (String fig : new String[] {"\"copies\":1,\"threads\":1", "\"copies\":1,\"threads\":2", "\"copies\":4,\"threads\":1",
                "\"copies\":4,\"threads\":2"}) {
            assertTrue(o.matches(".*\\{" + fig + ",\"stepsPerSecond\":[0-9.eE+]+}.*"), fig + " in " + o);
        }
    }

    @Test
    void benchAllRefusesATaskOrParameters() {
        Result r = cli("bench", "--all", "PerceptualDecisionMaking-v0", "--seconds", "0.03");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--all"), r.err());
        Result bad = cli("bench", "PerceptualDecisionMaking-v0", "--threads", "0");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--threads"), bad.err());
    }
}
