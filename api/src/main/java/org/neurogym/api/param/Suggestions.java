package org.neurogym.api.param;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for unknown names: the known names closest to a misspelt one. */
public final class Suggestions {
    private Suggestions() {}

    /** Up to {@code max} known names close to {@code name}, nearest first (case-insensitive edit distance). */
    public static List<String> closest(String name, Collection<String> known, int max) {
        String n = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(n, kl);
            if (kl.startsWith(n) || n.startsWith(kl) || kl.contains(n)) d = Math.min(d, 1);
            if (d <= Math.max(2, n.length() / 3)) scored.add(new Scored(k, d));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < max; i++) out.add(scored.get(i).name());
        return out;
    }

    /** A sentence fragment such as "; did you mean 'dim_ring'?" or "" when nothing is close. */
    public static String didYouMean(String name, Collection<String> known) {
        List<String> c = closest(name, known, 3);
        if (c.isEmpty()) return "";
        return "; did you mean " + String.join(" or ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
