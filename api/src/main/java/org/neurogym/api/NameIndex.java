package org.neurogym.api;

import java.util.Arrays;

/**
 * Slots 0, 1, ... for the names a task looks up on every step and every new trial: its periods,
 * rewards, timings and observation channels. Tasks write these names as string literals, so a
 * scan comparing references finds one in a few nanoseconds, cheaper than hashing it into a map; a
 * name built at run time is still found, by a second scan with {@code equals}.
 */
final class NameIndex {
    private String[] names = new String[8];
    private int size;

    /** The slot of {@code name}, or -1. */
    int find(String name) {
        for (int i = 0; i < size; i++) if (names[i] == name) return i;
        for (int i = 0; i < size; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    /** The slot of {@code name}, given a new one the first time. */
    int add(String name) {
        int slot = find(name);
        if (slot >= 0) return slot;
        if (size == names.length) names = Arrays.copyOf(names, size * 2);
        names[size] = name;
        return size++;
    }

    int size() {
        return size;
    }

    String name(int slot) {
        return names[slot];
    }
}
