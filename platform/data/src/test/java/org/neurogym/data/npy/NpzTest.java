package org.neurogym.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir Path dir;

    private static final float[] FLOATS = {0f, -1.5f, 3.25f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 1e-30f};
    private static final double[] DOUBLES = {Math.PI, -0.0, Double.MAX_VALUE, 1e-300};
    private static final long[] LONGS = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 42, 7};
    private static final int[] INTS = {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final boolean[] BOOLS = {true, false, false, true, true};

    private Path writeSample(String name) {
        Path file = dir.resolve(name);
        try (NpzWriter w = NpzWriter.create(file)) {
            w.write("f", FLOATS, 2, 4);
            w.write("d", DOUBLES);
            w.write("l", LONGS, 3, 2);
            w.write("i", INTS, 2, 1, 2);
            w.write("b", BOOLS);
            w.write("scalar", new float[] {5f});
        }
        return file;
    }

    @Test
    void wholeArraysReadBackExactly() {
        Path file = writeSample("a.npz");
        Map<String, NpyArray> all = NpzReader.readAll(file);
        assertEquals(List.of("f", "d", "l", "i", "b", "scalar"), List.copyOf(all.keySet()));
        assertArrayEquals(new long[] {2, 4}, all.get("f").shape());
        assertEquals(DType.FLOAT32, all.get("f").dtype());
        assertArrayEquals(FLOATS, all.get("f").floats());
        assertArrayEquals(DOUBLES, all.get("d").doubles());
        assertArrayEquals(LONGS, all.get("l").longs());
        assertArrayEquals(new long[] {3, 2}, all.get("l").shape());
        assertArrayEquals(INTS, all.get("i").ints());
        assertArrayEquals(new long[] {2, 1, 2}, all.get("i").shape());
        assertArrayEquals(BOOLS, all.get("b").booleans());
        assertFalse(Files.exists(dir.resolve("a.npz.part")));
    }

    @Test
    void sameDataGivesByteIdenticalFiles() throws IOException {
        byte[] a = Files.readAllBytes(writeSample("a.npz"));
        byte[] b = Files.readAllBytes(writeSample("b.npz"));
        assertArrayEquals(a, b);
    }

    @Test
    void streamedArraysInterleavedAcrossEntries() {
        Path file = dir.resolve("s.npz");
        int k = 50;
        int chunk = 10_000; // > the 64 KiB buffer over the run
        try (NpzWriter w = NpzWriter.create(file)) {
            NpyOutput x = w.open("x", DType.FLOAT32, k, chunk);
            NpyOutput y = w.open("y", DType.INT64, k, chunk);
            NpyOutput z = w.open("z", DType.INT64, k);
            float[] xs = new float[chunk];
            long[] ys = new long[chunk];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < chunk; j++) {
                    xs[j] = i * chunk + j + 0.5f;
                    ys[j] = -((long) i * chunk + j);
                }
                x.write(xs);
                y.write(ys);
                z.write(new int[] {i}, 0, 1); // ints widen into int64
            }
            z.close();
            y.close();
            x.close();
        }
        try (NpzReader r = NpzReader.open(file)) {
            // the streaming array comes first, then the spooled ones in the order they were closed
            assertEquals(List.of("x", "z", "y"), r.names());
            float[] xs = r.array("x").floats();
            long[] ys = r.array("y").longs();
            assertEquals(k * chunk, xs.length);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(i + 0.5f, xs[i]);
                assertEquals(-i, ys[i]);
            }
            assertArrayEquals(new long[] {k}, r.array("z").shape());
            assertEquals(49, r.array("z").longs()[49]);
        }
        assertEquals(List.of("s.npz"), list());
    }

    @Test
    void incompleteArrayFailsAndLeavesNoFile() {
        Path file = dir.resolve("bad.npz");
        NpzWriter w = NpzWriter.create(file);
        w.open("x", DType.FLOAT32, 4).write(new float[3]);
        w.open("y", DType.FLOAT32, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, w::close);
        assertTrue(e.getMessage().contains("x (3 of 4 elements)"), e.getMessage());
        assertTrue(e.getMessage().contains("y (0 of 2"), e.getMessage());
        assertTrue(list().isEmpty(), list().toString());
    }

    @Test
    void misuseNamesTheArray() {
        try (NpzWriter w = NpzWriter.create(dir.resolve("m.npz"))) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.write("a", new float[5], 2, 2)).getMessage().contains("'a'"));
            NpyOutput o = w.open("b", DType.INT64, 2);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> o.write(new float[2])).getMessage().contains("'b'"));
            assertTrue(assertThrows(IllegalStateException.class, () -> o.write(new long[3])).getMessage().contains("overflows"));
            o.write(new long[2]);
            o.close();
            assertThrows(IllegalArgumentException.class, () -> w.open("b", DType.INT64, 1));
        }
    }

    @Test
    void singleNpyFiles() throws IOException {
        Path f = dir.resolve("x.npy");
        NpyWriter.write(f, LONGS, 2, 3);
        NpyArray a = NpyArray.read(f);
        assertArrayEquals(LONGS, a.longs());
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(128 + LONGS.length * 8, Files.size(f)); // header padded to a multiple of 64 bytes
    }

    @Test
    void headerFollowsTheNpyFormat() {
        byte[] h = NpyHeader.bytes(DType.FLOAT32, new long[] {10, 100, 16, 3});
        assertEquals(0, h.length % 64);
        String text = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 100, 16, 3), }"), text);
        assertTrue(text.endsWith("\n"));
        assertTrue(new String(NpyHeader.bytes(DType.INT64, new long[] {7}), StandardCharsets.US_ASCII).contains("'shape': (7,)"));
    }

    /** numpy loads our files with exact values, and we read numpy's own files (when python3 with numpy is here). */
    @Test
    void numpyAgrees() throws Exception {
        assumeTrue(python("import numpy") == 0, "python3 with numpy is not available");
        Path file = writeSample("n.npz");
        String check = String.join("\n",
                "import numpy as np, math",
                "z = np.load(r'" + file + "')",
                "assert list(z.keys()) == ['f', 'd', 'l', 'i', 'b', 'scalar'], list(z.keys())",
                "f = z['f']; assert f.dtype == np.float32 and f.shape == (2, 4), (f.dtype, f.shape)",
                "exp = np.array([0, -1.5, 3.25, np.finfo(np.float32).smallest_subnormal, np.finfo(np.float32).max, np.nan, -np.inf, 1e-30], dtype=np.float32)",
                "assert np.array_equal(f.ravel(), exp, equal_nan=True)",
                "assert z['d'].dtype == np.float64 and z['d'][0] == math.pi and z['d'][2] == np.finfo(np.float64).max",
                "assert z['l'].dtype == np.int64 and z['l'].shape == (3, 2) and z['l'].ravel().tolist() == [0, -1, 2**63-1, -2**63, 42, 7]",
                "assert z['i'].dtype == np.int32 and z['i'].shape == (2, 1, 2) and z['i'].ravel().tolist() == [1, -2, 2**31-1, -2**31]",
                "assert z['b'].dtype == np.bool_ and z['b'].tolist() == [True, False, False, True, True]",
                "np.savez(r'" + dir.resolve("np.npz") + "', a=np.arange(12, dtype=np.float32).reshape(3, 4), b=np.array([5, -6], dtype=np.int64))",
                "np.savez_compressed(r'" + dir.resolve("npc.npz") + "', a=np.arange(6, dtype=np.float64))");
        assertEquals(0, python(check), "numpy check failed");
        Map<String, NpyArray> theirs = NpzReader.readAll(dir.resolve("np.npz"));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, theirs.get("a").floats());
        assertArrayEquals(new long[] {3, 4}, theirs.get("a").shape());
        assertArrayEquals(new long[] {5, -6}, theirs.get("b").longs());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, NpzReader.readAll(dir.resolve("npc.npz")).get("a").doubles());
    }

    static int python(String script) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).inheritIO().start();
        } catch (IOException e) {
            return -1;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private List<String> list() {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
