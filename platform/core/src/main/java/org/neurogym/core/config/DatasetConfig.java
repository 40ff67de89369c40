package org.neurogym.core.config;

/** The {@code [dataset]} section: supervised batches of {@code batch} sequences of {@code seq} steps. */
public record DatasetConfig(long batch, long seq, long seed, boolean batchFirst) {
    public static final DatasetConfig DEFAULTS = new DatasetConfig(16, 100, 0, false);
}
