package org.neurogym.api.space;

import java.util.Map;

/**
 * An observation or action space. Channels name groups of indices
 * ({@code fixation -> [0]}, {@code stimulus -> [1, 2]}), as in the reference's {@code name} dicts.
 */
public sealed interface Space permits Box, Discrete {
    /** Named groups of indices, in declaration order; empty when the space names nothing. */
    Map<String, int[]> channels();

    /** The indices of channel {@code name}; an error naming the channel and the known ones otherwise. */
    default int[] channel(String name) {
        int[] idx = channels().get(name);
        if (idx == null) {
            throw new IllegalArgumentException("no channel '" + name + "' in " + this
                    + "; known channels: " + String.join(", ", channels().keySet()));
        }
        return idx;
    }
}
