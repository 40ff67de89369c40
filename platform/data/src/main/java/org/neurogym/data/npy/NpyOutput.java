package org.neurogym.data.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One array being streamed to disk: its header is already written; write its elements in C order
 * (last index fastest), in as many calls as you like, then {@link #close()}. Closing checks that
 * exactly the declared number of elements came.
 *
 * <p>Elements are encoded little-endian into a reused buffer: writing allocates nothing. Not
 * thread-safe.
 */
public final class NpyOutput implements AutoCloseable {
    /** Where the encoded bytes go. */
    interface Sink {
        void accept(ByteBuffer bytes) throws IOException;

        void finish(NpyOutput output) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private final String name;
    private final DType dtype;
    private final long[] shape;
    private final long count;
    private final Sink sink;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private long written;
    private boolean closed;

    NpyOutput(String name, DType dtype, long[] shape, Sink sink) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.count = NpyHeader.count(name, shape);
        this.sink = sink;
    }

    /** The size in bytes of a whole .npy with this type and shape (header and data). */
    static long npyBytes(DType dtype, long[] shape) {
        return NpyHeader.bytes(dtype, shape).length + NpyHeader.count("array", shape) * dtype.size();
    }

    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Elements declared by the shape. */
    public long count() {
        return count;
    }

    /** Elements written so far. */
    public long written() {
        return written;
    }

    public boolean isClosed() {
        return closed;
    }

    public NpyOutput write(float[] data) {
        return write(data, 0, data.length);
    }

    public NpyOutput write(float[] data, int offset, int length) {
        expect(DType.FLOAT32, "float[]", length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(end - i, room(4));
            buffer.asFloatBuffer().put(data, i, n);
            buffer.position(buffer.position() + n * 4);
            i += n;
        }
        written += length;
        return this;
    }

    public NpyOutput write(double[] data) {
        return write(data, 0, data.length);
    }

    public NpyOutput write(double[] data, int offset, int length) {
        expect(DType.FLOAT64, "double[]", length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(end - i, room(8));
            buffer.asDoubleBuffer().put(data, i, n);
            buffer.position(buffer.position() + n * 8);
            i += n;
        }
        written += length;
        return this;
    }

    public NpyOutput write(long[] data) {
        return write(data, 0, data.length);
    }

    public NpyOutput write(long[] data, int offset, int length) {
        expect(DType.INT64, "long[]", length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(end - i, room(8));
            buffer.asLongBuffer().put(data, i, n);
            buffer.position(buffer.position() + n * 8);
            i += n;
        }
        written += length;
        return this;
    }

    public NpyOutput write(int[] data) {
        return write(data, 0, data.length);
    }

    /** Ints into an {@code int32} array, or widened into an {@code int64} one. */
    public NpyOutput write(int[] data, int offset, int length) {
        if (dtype == DType.INT64) {
            expect(DType.INT64, "int[]", length);
            for (int i = offset, end = offset + length; i < end; i++) {
                room(8);
                buffer.putLong(data[i]);
            }
        } else {
            expect(DType.INT32, "int[]", length);
            int i = offset;
            int end = offset + length;
            while (i < end) {
                int n = Math.min(end - i, room(4));
                buffer.asIntBuffer().put(data, i, n);
                buffer.position(buffer.position() + n * 4);
                i += n;
            }
        }
        written += length;
        return this;
    }

    public NpyOutput write(boolean[] data) {
        return write(data, 0, data.length);
    }

    public NpyOutput write(boolean[] data, int offset, int length) {
        expect(DType.BOOL, "boolean[]", length);
        for (int i = offset, end = offset + length; i < end; i++) {
            room(1);
            buffer.put(data[i] ? (byte) 1 : (byte) 0);
        }
        written += length;
        return this;
    }

    /** Raw bytes into an {@code int8} or {@code uint8} array. */
    public NpyOutput write(byte[] data, int offset, int length) {
        if (dtype != DType.UINT8) expect(DType.INT8, "byte[]", length);
        else expect(DType.UINT8, "byte[]", length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(end - i, room(1));
            buffer.put(data, i, n);
            i += n;
        }
        written += length;
        return this;
    }

    /** Flushes the buffer, checks the element count and completes the array. */
    @Override
    public void close() {
        if (closed) return;
        if (written != count) {
            throw new IllegalStateException("array '" + name + "' of shape " + NpyHeader.describe(shape) + " needs " + count
                    + " elements, " + written + " were written");
        }
        closed = true;
        try {
            flush();
            sink.finish(this);
        } catch (IOException e) {
            throw new UncheckedIOException("writing array '" + name + "': " + e.getMessage(), e);
        }
    }

    private void expect(DType type, String javaType, int length) {
        if (closed) throw new IllegalStateException("array '" + name + "' is closed");
        if (dtype != type) {
            throw new IllegalArgumentException("array '" + name + "' holds " + dtype + ", cannot write " + javaType + " into it");
        }
        if (length < 0 || written + length > count) {
            throw new IllegalStateException("array '" + name + "' of shape " + NpyHeader.describe(shape) + " holds " + count
                    + " elements; writing " + length + " more after " + written + " overflows it");
        }
    }

    /** Flushes when fewer than {@code size} bytes remain; returns how many elements of that size fit now. */
    private int room(int size) {
        if (buffer.remaining() < size) {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing array '" + name + "': " + e.getMessage(), e);
            }
        }
        return buffer.remaining() / size;
    }

    private void flush() throws IOException {
        buffer.flip();
        if (buffer.hasRemaining()) sink.accept(buffer);
        buffer.clear();
    }
}
