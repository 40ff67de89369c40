package org.neurogym.api.space;

import java.util.Collections;
import java.util.Map;
import org.neurogym.api.Rng;

/** The actions {@code 0 .. n-1}, with named channels ({@code fixation -> [0]}, {@code choice -> [1, 2]}). */
public final class Discrete implements Space {
    private final int n;
    private final Map<String, int[]> channels;

    public Discrete(int n, Channel... channels) {
        if (n <= 0) throw new IllegalArgumentException("Discrete space needs n > 0, got " + n);
        this.n = n;
        this.channels = Collections.unmodifiableMap(Channel.table(n, channels, "Discrete(" + n + ")"));
    }

    public int n() {
        return n;
    }

    public boolean contains(int action) {
        return action >= 0 && action < n;
    }

    public int sample(Rng rng) {
        return rng.integer(n);
    }

    @Override
    public Map<String, int[]> channels() {
        return channels;
    }

    @Override
    public String toString() {
        return "Discrete(" + n + ")" + (channels.isEmpty() ? "" : "{" + Channel.describe(channels) + "}");
    }
}
