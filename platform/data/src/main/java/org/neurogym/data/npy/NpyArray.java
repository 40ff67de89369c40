package org.neurogym.data.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** An array read back from a {@code .npy} file or {@code .npz} entry, held in memory (little-endian bytes). */
public final class NpyArray {
    private final DType dtype;
    private final long[] shape;
    private final ByteBuffer data;

    NpyArray(DType dtype, long[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads one array from {@code in}; {@code what} names it in errors. */
    public static NpyArray read(InputStream in, String what) throws IOException {
        NpyHeader.Parsed h = NpyHeader.read(in, what);
        if (h.fortranOrder() && h.shape().length > 1) {
            throw new IOException(what + ": Fortran-order arrays are not supported");
        }
        long bytes = NpyHeader.count(what, h.shape()) * h.dtype().size();
        if (bytes > Integer.MAX_VALUE - 8) throw new IOException(what + ": " + bytes + " bytes is too large to read into memory");
        byte[] buf = in.readNBytes((int) bytes);
        if (buf.length != bytes) throw new IOException(what + ": truncated, " + buf.length + " of " + bytes + " data bytes");
        return new NpyArray(h.dtype(), h.shape(), ByteBuffer.wrap(buf));
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return data.capacity() / dtype.size();
    }

    public float[] floats() {
        require(DType.FLOAT32);
        float[] out = new float[size()];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public double[] doubles() {
        require(DType.FLOAT64);
        double[] out = new double[size()];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    /** The elements of an {@code int64}, {@code int32}, {@code int16}, {@code int8} or {@code uint8} array, widened. */
    public long[] longs() {
        long[] out = new long[size()];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case INT64 -> b.asLongBuffer().get(out);
            case INT32 -> { for (int i = 0; i < out.length; i++) out[i] = b.getInt(i * 4); }
            case INT16 -> { for (int i = 0; i < out.length; i++) out[i] = b.getShort(i * 2); }
            case INT8 -> { for (int i = 0; i < out.length; i++) out[i] = b.get(i); }
            case UINT8 -> { for (int i = 0; i < out.length; i++) out[i] = b.get(i) & 0xFF; }
            default -> throw new IllegalStateException("array holds " + dtype + ", not integers");
        }
        return out;
    }

    public int[] ints() {
        require(DType.INT32);
        int[] out = new int[size()];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    public boolean[] booleans() {
        require(DType.BOOL);
        boolean[] out = new boolean[size()];
        for (int i = 0; i < out.length; i++) out[i] = data.get(i) != 0;
        return out;
    }

    private void require(DType t) {
        if (dtype != t) throw new IllegalStateException("array holds " + dtype + ", not " + t);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + ", shape " + Arrays.toString(shape) + "]";
    }
}
