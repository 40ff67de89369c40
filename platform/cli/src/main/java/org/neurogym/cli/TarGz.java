package org.neurogym.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** A minimal ustar writer: directories and regular files, keeping the executable bit. */
final class TarGz {
    private TarGz() {}

    /** Writes {@code dir} (as a top-level directory of its own name) to {@code target}. */
    static void write(Path dir, Path target) throws IOException {
        String top = dir.getFileName().toString();
        try (OutputStream raw = Files.newOutputStream(target);
             OutputStream out = new GZIPOutputStream(new BufferedOutputStream(raw));
             Stream<Path> s = Files.walk(dir)) {
            List<Path> entries = s.sorted().toList();
            for (Path p : entries) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String name = rel.isEmpty() ? top + "/" : top + "/" + rel + (Files.isDirectory(p) ? "/" : "");
                if (Files.isDirectory(p)) {
                    header(out, name, 0755, 0, '5', Files.getLastModifiedTime(p).toMillis() / 1000);
                } else {
                    long size = Files.size(p);
                    int mode = Files.isExecutable(p) ? 0755 : 0644;
                    header(out, name, mode, size, '0', Files.getLastModifiedTime(p).toMillis() / 1000);
                    Files.copy(p, out);
                    int pad = (int) ((512 - size % 512) % 512);
                    out.write(new byte[pad]);
                }
            }
            out.write(new byte[1024]);
        }
    }

    private static void header(OutputStream out, String name, int mode, long size, char type, long mtime) throws IOException {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            int cut = name.lastIndexOf('/', Math.min(name.length() - 2, 155));
            byte[] prefix = name.substring(0, cut).getBytes(StandardCharsets.UTF_8);
            n = name.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
            if (n.length > 100 || prefix.length > 155) throw new IOException("path too long for tar: " + name);
            System.arraycopy(prefix, 0, h, 345, prefix.length);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        for (int i = 148; i < 156; i++) h[i] = ' ';
        h[156] = (byte) type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        octal(h, 148, 7, sum);
        out.write(h);
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        while (s.length() < len - 1) s = "0" + s;
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }
}
