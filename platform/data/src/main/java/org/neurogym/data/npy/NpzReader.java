package org.neurogym.data.npy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads {@code .npz} files (ours and numpy's, stored or deflated) array by array. */
public final class NpzReader implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> arrays = new LinkedHashMap<>();

    private NpzReader(Path file) throws IOException {
        this.file = file;
        this.zip = new ZipFile(file.toFile());
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            ZipEntry entry = e.nextElement();
            String n = entry.getName();
            arrays.put(n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n, entry);
        }
    }

    public static NpzReader open(Path file) {
        try {
            return new NpzReader(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as .npz: " + e.getMessage(), e);
        }
    }

    /** Every array of {@code file}, by name, in file order. */
    public static Map<String, NpyArray> readAll(Path file) {
        try (NpzReader r = open(file)) {
            Map<String, NpyArray> out = new LinkedHashMap<>();
            for (String n : r.names()) out.put(n, r.array(n));
            return out;
        }
    }

    /** The array names (entry names without {@code .npy}), in file order. */
    public List<String> names() {
        return new ArrayList<>(arrays.keySet());
    }

    /** Reads array {@code name} into memory. */
    public NpyArray array(String name) {
        ZipEntry entry = arrays.get(name);
        if (entry == null) throw new IllegalArgumentException("no array '" + name + "' in " + file + " (arrays: " + arrays.keySet() + ")");
        try (InputStream in = zip.getInputStream(entry)) {
            return NpyArray.read(in, file + "[" + name + "]");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
