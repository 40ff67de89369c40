package org.neurogym.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Which of two jars of one plugin id is loaded, the same at start-up and under watch, and never
 * by file name or directory order: the higher {@code Plugin-Version}; at equal versions the
 * distribution's own plugin; between jars equal in both, the smaller SHA-256 of the content (an
 * arbitrary but stable choice: the same files give the same winner on every start).
 */
final class PluginPrecedence {
    private PluginPrecedence() {}

    /** One jar claiming a plugin id. */
    record Candidate(Path jar, String id, String version, boolean builtIn) {}

    /** Orders candidates of one id best first. */
    static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing(Candidate::version, PluginPrecedence::compareVersions).reversed()
            .thenComparing(Candidate::builtIn, Comparator.reverseOrder())
            .thenComparing(c -> digest(c.jar()));

    /**
     * Compares versions such as {@code 0.2.0}, {@code 1.10} or {@code 0.2.0-SNAPSHOT}: dotted
     * numbers first (missing parts are 0), then a release above its qualified builds
     * ({@code 0.2.0 > 0.2.0-SNAPSHOT}), then qualifiers alphabetically.
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[-+]", 2);
        String[] y = b.split("[-+]", 2);
        String[] xs = x[0].split("\\.");
        String[] ys = y[0].split("\\.");
        for (int i = 0; i < Math.max(xs.length, ys.length); i++) {
            int c = Long.compare(i < xs.length ? leadingNumber(xs[i]) : 0, i < ys.length ? leadingNumber(ys[i]) : 0);
            if (c != 0) return c;
        }
        boolean qualifiedA = x.length > 1;
        boolean qualifiedB = y.length > 1;
        if (qualifiedA != qualifiedB) return qualifiedA ? -1 : 1;
        return qualifiedA ? x[1].compareTo(y[1]) : 0;
    }

    private static long leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && end < 18 && Character.isDigit(part.charAt(end))) end++;
        return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
    }

    /** The jar's SHA-256 in hex; an unreadable jar sorts last. */
    static String digest(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return "~";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
