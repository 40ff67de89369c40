package org.neurogym.api.space;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named group of indices of a space, e.g. {@code Channel.range("stimulus", 1, 3)} for [1, 2]. */
public record Channel(String name, int[] indices) {
    public Channel {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("channel name must not be blank");
        if (indices.length == 0) throw new IllegalArgumentException("channel '" + name + "' has no index");
        indices = indices.clone();
    }

    public static Channel of(String name, int... indices) {
        return new Channel(name, indices);
    }

    /** Indices from {@code from} (inclusive) to {@code to} (exclusive). */
    public static Channel range(String name, int from, int to) {
        if (to <= from) throw new IllegalArgumentException("channel '" + name + "' range " + from + ".." + to + " is empty");
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        return new Channel(name, idx);
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    static Map<String, int[]> table(int size, Channel[] channels, String spaceName) {
        Map<String, int[]> table = new LinkedHashMap<>();
        for (Channel c : channels) {
            for (int i : c.indices) {
                if (i < 0 || i >= size) {
                    throw new IllegalArgumentException("channel '" + c.name + "' index " + i
                            + " is outside " + spaceName + " of size " + size);
                }
            }
            if (table.put(c.name, c.indices) != null) {
                throw new IllegalArgumentException("channel '" + c.name + "' is named twice in " + spaceName);
            }
        }
        return table;
    }

    static String describe(Map<String, int[]> channels) {
        StringBuilder sb = new StringBuilder();
        channels.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(Arrays.toString(v)));
        return sb.toString();
    }
}
