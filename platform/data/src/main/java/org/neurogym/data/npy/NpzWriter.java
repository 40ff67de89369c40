package org.neurogym.data.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import org.neurogym.data.FileFailure;

/**
 * Writes a {@code .npz} file (what numpy's {@code np.savez} writes: a zip of {@code .npy} arrays,
 * stored uncompressed) by streaming: an array's elements go to disk as they are written, so an
 * array may be larger than memory.
 *
 * <p>Whole arrays: {@code write("x", data, 10, 3)}. Streamed arrays: {@link #open} returns an
 * {@link NpyOutput}. Several arrays may be open at once: the first goes straight into the zip, the
 * others are spooled to temporary files next to the target and appended, in the order they are
 * closed, once the zip is free. The file is written as {@code <name>.part} and moved into place on
 * {@link #close()}; an array left incomplete makes close fail and delete the partial file. A
 * process interrupted before close (SIGINT, SIGTERM, System.exit) deletes the partial file and
 * the spools in a shutdown hook: an interrupted write leaves nothing behind.
 *
 * <p>Entries carry a fixed timestamp (1980-01-01 00:00), so equal arrays give byte-identical files.
 * Zip64 records are used when an entry or the file passes 4 GiB. Not thread-safe.
 */
public final class NpzWriter implements AutoCloseable {
    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = (1 << 5) | 1; // 1980-01-01

    private final Path target;
    private final Path part;
    private final FileChannel zip;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<NpyOutput> open = new ArrayList<>();
    private final Deque<Spool> ready = new ArrayDeque<>();
    private final ByteBuffer small = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    // written by the writing thread, read by the shutdown hook
    private final List<Path> temps = new CopyOnWriteArrayList<>();
    private final List<FileChannel> spools = new CopyOnWriteArrayList<>();
    private final Thread abandonOnShutdown = new Thread(() -> cleanUp(true), "npz-writer-cleanup");
    private NpyOutput direct;
    private boolean closed;

    private record Entry(byte[] name, long crc, long size, long offset) {}

    private record Spool(byte[] name, Path file, long crc, long size) {}

    private NpzWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "No such directory");
        }
        this.part = this.target.resolveSibling(this.target.getFileName() + ".part");
        try {
            Runtime.getRuntime().addShutdownHook(abandonOnShutdown);
        } catch (IllegalStateException shuttingDown) {
            // written by another shutdown hook (the Monitor saving its last trials): let it finish
        }
        try {
            this.zip = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            forgetShutdownHook();
            throw e;
        }
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(abandonOnShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) and deletes what is left
        }
    }

    /** Starts writing {@code file} (replaced on a successful close). */
    public static NpzWriter create(Path file) {
        try {
            return new NpzWriter(file);
        } catch (IOException e) {
            throw new UncheckedIOException(FileFailure.describe("cannot write", file, e), e);
        }
    }

    /** The file this writer produces. */
    public Path file() {
        return target;
    }

    // ------------------------------------------------------------------ whole arrays

    /** Writes a whole {@code float32} array; {@code shape} defaults to one dimension of {@code data.length}. */
    public NpzWriter write(String name, float[] data, int... shape) {
        try (NpyOutput o = open(name, DType.FLOAT32, shapeOf(name, data.length, shape))) {
            o.write(data);
        }
        return this;
    }

    /** Writes a whole {@code float64} array. */
    public NpzWriter write(String name, double[] data, int... shape) {
        try (NpyOutput o = open(name, DType.FLOAT64, shapeOf(name, data.length, shape))) {
            o.write(data);
        }
        return this;
    }

    /** Writes a whole {@code int64} array. */
    public NpzWriter write(String name, long[] data, int... shape) {
        try (NpyOutput o = open(name, DType.INT64, shapeOf(name, data.length, shape))) {
            o.write(data);
        }
        return this;
    }

    /** Writes a whole {@code int32} array. */
    public NpzWriter write(String name, int[] data, int... shape) {
        try (NpyOutput o = open(name, DType.INT32, shapeOf(name, data.length, shape))) {
            o.write(data);
        }
        return this;
    }

    /** Writes a whole {@code bool} array. */
    public NpzWriter write(String name, boolean[] data, int... shape) {
        try (NpyOutput o = open(name, DType.BOOL, shapeOf(name, data.length, shape))) {
            o.write(data);
        }
        return this;
    }

    private static long[] shapeOf(String name, int length, int[] shape) {
        if (shape.length == 0) return new long[] {length};
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) s[i] = shape[i];
        if (NpyHeader.count(name, s) != length) {
            throw new IllegalArgumentException("array '" + name + "': shape " + NpyHeader.describe(s) + " holds "
                    + NpyHeader.count(name, s) + " elements but the data has " + length);
        }
        return s;
    }

    // ------------------------------------------------------------------ streamed arrays

    /**
     * Opens array {@code name} (stored as {@code name.npy}; numpy reads it as {@code npz["name"]})
     * of the given type and shape for streaming.
     */
    public NpyOutput open(String name, DType dtype, long... shape) {
        if (closed) throw new IllegalStateException("the npz writer of " + target + " is closed");
        if (name == null || name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("array name must be non-empty without '/', got '" + name + "'");
        }
        if (!names.add(name)) throw new IllegalArgumentException("array '" + name + "' is already in " + target.getFileName());
        byte[] entryName = (name + ".npy").getBytes(StandardCharsets.UTF_8);
        byte[] header = NpyHeader.bytes(dtype, shape);
        long size = NpyOutput.npyBytes(dtype, shape);
        NpyOutput out;
        try {
            if (direct == null) {
                out = openDirect(name, entryName, dtype, shape, header, size);
                direct = out;
            } else {
                out = openSpooled(name, entryName, dtype, shape, header);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FileFailure.describe("cannot write", part, e), e);
        }
        open.add(out);
        return out;
    }

    private NpyOutput openDirect(String name, byte[] entryName, DType dtype, long[] shape, byte[] header, long size) throws IOException {
        long offset = zip.position();
        writeLocalHeader(entryName, 0, size);
        CRC32 crc = new CRC32();
        crc.update(header);
        writeFully(zip, ByteBuffer.wrap(header));
        return new NpyOutput(name, dtype, shape, new NpyOutput.Sink() {
            @Override
            public void accept(ByteBuffer bytes) throws IOException {
                crc.update(bytes.duplicate());
                writeFully(zip, bytes);
            }

            @Override
            public void finish(NpyOutput output) throws IOException {
                long end = zip.position();
                if (end - offset - localHeaderSize(entryName, size) != size) {
                    throw new IOException("array '" + name + "' wrote " + (end - offset) + " bytes, expected " + size);
                }
                small.clear();
                small.putInt((int) crc.getValue()).flip();
                zip.write(small, offset + 14);
                entries.add(new Entry(entryName, crc.getValue(), size, offset));
                open.remove(output);
                direct = null;
                drain();
            }
        });
    }

    private NpyOutput openSpooled(String name, byte[] entryName, DType dtype, long[] shape, byte[] header) throws IOException {
        Path file = Files.createTempFile(part.getParent(), "." + name + "-", ".spool");
        temps.add(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        spools.add(ch);
        CRC32 crc = new CRC32();
        crc.update(header);
        writeFully(ch, ByteBuffer.wrap(header));
        return new NpyOutput(name, dtype, shape, new NpyOutput.Sink() {
            @Override
            public void accept(ByteBuffer bytes) throws IOException {
                crc.update(bytes.duplicate());
                writeFully(ch, bytes);
            }

            @Override
            public void finish(NpyOutput output) throws IOException {
                long size = ch.size();
                ch.close();
                ready.add(new Spool(entryName, file, crc.getValue(), size));
                open.remove(output);
                drain();
            }
        });
    }

    /** Appends the spooled arrays that are complete, while no array streams into the zip. */
    private void drain() throws IOException {
        while (direct == null && !ready.isEmpty()) {
            Spool s = ready.poll();
            long offset = zip.position();
            writeLocalHeader(s.name(), s.crc(), s.size());
            try (FileChannel in = FileChannel.open(s.file(), StandardOpenOption.READ)) {
                long done = 0;
                while (done < s.size()) done += in.transferTo(done, s.size() - done, zip); // advances zip's position
            }
            Files.deleteIfExists(s.file());
            entries.add(new Entry(s.name(), s.crc(), s.size(), offset));
        }
    }

    // ------------------------------------------------------------------ zip records

    private static int localHeaderSize(byte[] name, long size) {
        return 30 + name.length + (size >= MAX32 ? 20 : 0);
    }

    private void writeLocalHeader(byte[] name, long crc, long size) throws IOException {
        boolean zip64 = size >= MAX32;
        ByteBuffer b = ByteBuffer.allocate(localHeaderSize(name, size)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50);
        b.putShort((short) (zip64 ? 45 : 20));
        b.putShort((short) 0); // flags
        b.putShort((short) 0); // stored
        b.putShort((short) DOS_TIME);
        b.putShort((short) DOS_DATE);
        b.putInt((int) crc);
        b.putInt((int) (zip64 ? MAX32 : size));
        b.putInt((int) (zip64 ? MAX32 : size));
        b.putShort((short) name.length);
        b.putShort((short) (zip64 ? 20 : 0));
        b.put(name);
        if (zip64) {
            b.putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        }
        b.flip();
        writeFully(zip, b);
    }

    private void writeCentralDirectory() throws IOException {
        long cdStart = zip.position();
        for (Entry e : entries) {
            boolean bigSize = e.size() >= MAX32;
            boolean bigOffset = e.offset() >= MAX32;
            int extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
            int extraLen = extra == 0 ? 0 : extra + 4;
            int version = extra == 0 ? 20 : 45;
            ByteBuffer b = ByteBuffer.allocate(46 + e.name().length + extraLen).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0x02014b50);
            b.putShort((short) version); // made by (MS-DOS attributes)
            b.putShort((short) version);
            b.putShort((short) 0);
            b.putShort((short) 0);
            b.putShort((short) DOS_TIME);
            b.putShort((short) DOS_DATE);
            b.putInt((int) e.crc());
            b.putInt((int) (bigSize ? MAX32 : e.size()));
            b.putInt((int) (bigSize ? MAX32 : e.size()));
            b.putShort((short) e.name().length);
            b.putShort((short) extraLen);
            b.putShort((short) 0); // comment
            b.putShort((short) 0); // disk
            b.putShort((short) 0); // internal attributes
            b.putInt(0); // external attributes
            b.putInt((int) (bigOffset ? MAX32 : e.offset()));
            b.put(e.name());
            if (extra > 0) {
                b.putShort((short) 1).putShort((short) extra);
                if (bigSize) b.putLong(e.size()).putLong(e.size());
                if (bigOffset) b.putLong(e.offset());
            }
            b.flip();
            writeFully(zip, b);
        }
        long cdEnd = zip.position();
        long cdSize = cdEnd - cdStart;
        boolean zip64 = entries.size() >= 0xFFFF || cdStart >= MAX32 || cdSize >= MAX32;
        ByteBuffer b = ByteBuffer.allocate(56 + 20 + 22).order(ByteOrder.LITTLE_ENDIAN);
        if (zip64) {
            b.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0);
            b.putLong(entries.size()).putLong(entries.size()).putLong(cdSize).putLong(cdStart);
            b.putInt(0x07064b50).putInt(0).putLong(cdEnd).putInt(1);
        }
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        short count = (short) (zip64 ? 0xFFFF : entries.size());
        b.putShort(count).putShort(count);
        b.putInt((int) (zip64 ? MAX32 : cdSize));
        b.putInt((int) (zip64 ? MAX32 : cdStart));
        b.putShort((short) 0);
        b.flip();
        writeFully(zip, b);
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    // ------------------------------------------------------------------ close

    /**
     * Completes the file: every opened array must have been closed with all its elements. On
     * success {@code <name>.part} becomes the target; otherwise the partial file is deleted and
     * the error names the incomplete arrays.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        forgetShutdownHook();
        List<String> incomplete = new ArrayList<>();
        for (NpyOutput o : open) incomplete.add(o.name() + " (" + o.written() + " of " + o.count() + " elements)");
        try {
            if (incomplete.isEmpty()) {
                drain();
                writeCentralDirectory();
                zip.force(false);
            }
            zip.close();
            if (incomplete.isEmpty()) {
                try {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            cleanUp(false);
        } catch (IOException e) {
            cleanUp(true);
            throw new UncheckedIOException(FileFailure.describe("cannot write", target, e), e);
        }
        if (!incomplete.isEmpty()) {
            cleanUp(true);
            throw new IllegalStateException("npz " + target.getFileName() + " not written: incomplete array(s) " + String.join(", ", incomplete));
        }
    }

    private void cleanUp(boolean deletePart) {
        try {
            if (zip != null) zip.close();
            for (FileChannel ch : spools) ch.close();
        } catch (IOException ignored) {
            // already failing or done
        }
        try {
            if (deletePart) Files.deleteIfExists(part);
            for (Path p : temps) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
