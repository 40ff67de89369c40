package org.neurogym.api;

import java.util.Arrays;

/** Trial lengths in steps over sampled trials: mean, standard deviation, 95th percentile, max. */
public record TrialLengthStats(int trials, double mean, double std, double p95, int max) {

    public static TrialLengthStats of(int[] lengths) {
        if (lengths.length == 0) throw new IllegalArgumentException("trial length statistics need at least one trial");
        int n = lengths.length;
        double sum = 0;
        int max = 0;
        for (int l : lengths) {
            sum += l;
            max = Math.max(max, l);
        }
        double mean = sum / n;
        double sq = 0;
        for (int l : lengths) sq += (l - mean) * (l - mean);
        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        // linear interpolation between closest ranks, numpy's default percentile
        double rank = 0.95 * (n - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, n - 1);
        double p95 = sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
        return new TrialLengthStats(n, mean, Math.sqrt(sq / n), p95, max);
    }
}
