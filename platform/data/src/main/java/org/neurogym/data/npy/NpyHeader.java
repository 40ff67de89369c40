package org.neurogym.data.npy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The header of a {@code .npy} array (format version 1.0 when written), as numpy's {@code format} module defines it. */
final class NpyHeader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyHeader() {}

    /** The element count of {@code shape}; an error naming the array if a dimension is negative or the count overflows. */
    static long count(String what, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException(what + ": negative dimension in shape " + describe(shape));
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static String describe(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        if (shape.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    /** The whole header: magic, version 1.0, length, and the dict padded with spaces to a multiple of 64 bytes. */
    static byte[] bytes(DType dtype, long[] shape) {
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + describe(shape) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        int headerLen = total - MAGIC.length - 4;
        if (headerLen > 0xFFFF) throw new IllegalArgumentException("npy header too long for shape " + describe(shape));
        byte[] out = new byte[total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) headerLen;
        out[9] = (byte) (headerLen >>> 8);
        byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 10, text.length);
        for (int i = 10 + text.length; i < total - 1; i++) out[i] = ' ';
        out[total - 1] = '\n';
        return out;
    }

    /** What a header declares. */
    record Parsed(DType dtype, long[] shape, boolean fortranOrder) {}

    /** Reads a header from {@code in}, leaving the stream at the first data byte. */
    static Parsed read(InputStream in, String what) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[8];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new IOException(what + ": not a .npy array (too short)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) throw new IOException(what + ": not a .npy array (bad magic)");
        }
        int major = magic[6];
        long len;
        if (major == 1) {
            len = data.readUnsignedByte() | (data.readUnsignedByte() << 8);
        } else if (major == 2 || major == 3) {
            len = data.readUnsignedByte() | (data.readUnsignedByte() << 8) | (data.readUnsignedByte() << 16)
                    | ((long) data.readUnsignedByte() << 24);
        } else {
            throw new IOException(what + ": unsupported .npy format version " + major + "." + magic[7]);
        }
        if (len > 1 << 20) throw new IOException(what + ": .npy header of " + len + " bytes is implausible");
        byte[] text = new byte[(int) len];
        data.readFully(text);
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) throw new IOException(what + ": malformed .npy header " + dict.trim());
        DType dtype;
        try {
            dtype = DType.of(d.group(1));
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": " + e.getMessage());
        }
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            if (p.endsWith("L")) p = p.substring(0, p.length() - 1);
            try {
                dims.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                throw new IOException(what + ": bad dimension '" + p + "' in .npy header");
            }
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i);
        return new Parsed(dtype, shape, f.group(1).equals("True"));
    }
}
