package org.neurogym.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a configuration file, read within limits a hostile or mistaken file cannot break:
 * at most {@link #MAX_BYTES} (so {@code /dev/zero} or a log file is refused, not read until the
 * heap is gone), strictly UTF-8 as TOML requires (a Latin-1 or UTF-16 file is named as such, with
 * the byte offset of the first bad byte), a UTF-8 byte-order mark skipped, brackets nested at
 * most {@link #MAX_DEPTH} deep (the TOML parser recurses per level), and at most
 * {@link #MAX_TABLES} table headers and {@link #MAX_LIST_ITEMS} list items (the TOML parser slows
 * down far more than linearly with them: 20,000 tables took minutes). An experiment file is a
 * few kilobytes; these limits are orders of magnitude above it.
 */
final class ConfigFileText {
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 100;
    static final int MAX_TABLES = 1000;
    static final int MAX_LIST_ITEMS = 10_000;

    private ConfigFileText() {}

    static String read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, 0, null, "configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, null, "cannot read configuration file: " + reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(file, 0, 0, null, "configuration file is larger than " + (MAX_BYTES >> 20) + " MB"
                    + " (an experiment file is a few kB)");
        }
        String text = decode(bytes, file);
        requireWithinLimits(text, file);
        return text;
    }

    /** The OS reason: an AccessDeniedException carries it only in its class. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "Permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }

    static String decode(byte[] bytes, Path file) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ConfigException(file, 0, 0, null, "configuration file is not UTF-8 (it is UTF-16, byte-order mark at byte 0); save it as UTF-8");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            throw new ConfigException(file, 0, 0, null, String.format(java.util.Locale.ROOT,
                    "configuration file is not UTF-8: byte 0x%02X at byte offset %d (Latin-1 or another encoding?); save it as UTF-8",
                    bytes[in.position()] & 0xFF, in.position()));
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) throw new ConfigException(file, 0, 0, null, "configuration file is not text: a NUL character at offset " + nul);
        return text;
    }

    /**
     * Refuses brackets nested more than {@link #MAX_DEPTH} deep, more than {@link #MAX_TABLES}
     * table headers or more than {@link #MAX_LIST_ITEMS} list items (counted outside strings and
     * comments), at the line and column where the limit is passed.
     */
    static void requireWithinLimits(String text, Path file) {
        int depth = 0;
        int tables = 0;
        int items = 0;
        int line = 1;
        int col = 0;
        boolean lineStart = true;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
                lineStart = true;
                comment = false;
                // a newline ends a one-line string; brackets inside multi-line strings may count, which
                // errs toward the limits and matters only past them
                quote = 0;
                continue;
            }
            boolean first = lineStart && c != ' ' && c != '\t';
            if (first) lineStart = false;
            if (comment) continue;
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '#') {
                comment = true;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                if (c == '[' && first && depth == 0 && ++tables > MAX_TABLES) {
                    throw new ConfigException(file, line, col, null, "more than " + MAX_TABLES + " tables");
                }
                if (++depth > MAX_DEPTH) {
                    throw new ConfigException(file, line, col, null, "values nested more than " + MAX_DEPTH + " deep");
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth > 0 && ++items > MAX_LIST_ITEMS) {
                throw new ConfigException(file, line, col, null, "more than " + MAX_LIST_ITEMS + " list items");
            }
        }
    }
}
