package org.neurogym.data.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes single {@code .npy} files (numpy's {@code np.save} format, version 1.0), whole or streamed. */
public final class NpyWriter {
    private NpyWriter() {}

    /**
     * Opens {@code file} for an array of the given type and shape; write its elements in C order
     * through the returned output and close it.
     */
    public static NpyOutput open(Path file, DType dtype, long... shape) {
        String name = String.valueOf(file.getFileName());
        byte[] header = NpyHeader.bytes(dtype, shape);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            ByteBuffer h = ByteBuffer.wrap(header);
            while (h.hasRemaining()) ch.write(h);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new NpyOutput(name, dtype, shape, new NpyOutput.Sink() {
            @Override
            public void accept(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) ch.write(bytes);
            }

            @Override
            public void finish(NpyOutput output) throws IOException {
                ch.close();
            }
        });
    }

    public static void write(Path file, float[] data, int... shape) {
        try (NpyOutput o = open(file, DType.FLOAT32, shape(data.length, shape))) {
            o.write(data);
        }
    }

    public static void write(Path file, double[] data, int... shape) {
        try (NpyOutput o = open(file, DType.FLOAT64, shape(data.length, shape))) {
            o.write(data);
        }
    }

    public static void write(Path file, long[] data, int... shape) {
        try (NpyOutput o = open(file, DType.INT64, shape(data.length, shape))) {
            o.write(data);
        }
    }

    public static void write(Path file, int[] data, int... shape) {
        try (NpyOutput o = open(file, DType.INT32, shape(data.length, shape))) {
            o.write(data);
        }
    }

    public static void write(Path file, boolean[] data, int... shape) {
        try (NpyOutput o = open(file, DType.BOOL, shape(data.length, shape))) {
            o.write(data);
        }
    }

    private static long[] shape(int length, int[] shape) {
        if (shape.length == 0) return new long[] {length};
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) s[i] = shape[i];
        if (NpyHeader.count("array", s) != length) {
            throw new IllegalArgumentException("shape " + NpyHeader.describe(s) + " holds " + NpyHeader.count("array", s)
                    + " elements but the data has " + length);
        }
        return s;
    }
}
