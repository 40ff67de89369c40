package org.neurogym.tasks.visual;

/**
 * The temporal contrast profile of the spatial-suppression stimulus, computed as the reference's
 * {@code envelope(time_sigma)} (after Duje Tadin's code) computes it with its defaults (120 Hz,
 * cut off, amplitude 128): a plateau with Gaussian edges of {@code frameRate / 20} frames whose
 * width comes from a quadratic fitted between Gaussian areas and widths, trimmed of the frames
 * whose value times the amplitude is below one half.
 */
final class TemporalEnvelope {
    private TemporalEnvelope() {}

    /** The profile for a Gaussian sigma of {@code sigmaSeconds}, one value per frame at {@code frameRate} Hz. */
    static double[] profile(double sigmaSeconds, int frameRate) {
        double sigma = sigmaSeconds * 1000;
        double frameMs = 1000.0 / frameRate;
        int edge = (int) Math.rint(frameRate / 20.0);
        double area = sigma * frameRate / 400;
        int uniform = (int) Math.floor(area - 3);
        if (!(sigma > 1) || uniform < 0) {
            throw new IllegalArgumentException("the envelope needs a sigma above 1 ms and 3 frames, got " + sigmaSeconds + " s");
        }
        // the reference fits the Gaussian's width (ms) as a quadratic of its summed area, for widths 7 to 25 ms
        int points = 73;
        double[] areas = new double[points];
        double[] widths = new double[points];
        for (int k = 0; k < points; k++) {
            widths[k] = 7 + 0.25 * k;
            areas[k] = 2 * gaussianSum(edge, widths[k] / frameMs);
        }
        double[] p = quadraticFit(areas, widths);
        double rest = area - uniform;
        double width = (p[2] * rest * rest + p[1] * rest + p[0]) / frameMs;

        double[] profile = new double[uniform + 2 * edge];
        java.util.Arrays.fill(profile, 1.0);
        for (int i = 0; i < edge; i++) {
            double g = Math.exp(-Math.pow((i + 1) / (Math.sqrt(2) * width), 2));
            profile[edge - 1 - i] = g;
            profile[profile.length - edge + i] = g;
        }
        int small = 0;
        for (double v : profile) if (128 * v < 0.5) small++;
        int trim = small / 2;
        return java.util.Arrays.copyOfRange(profile, trim, profile.length - trim);
    }

    private static double gaussianSum(int frames, double width) {
        double s = 0;
        for (int x = 1; x <= frames; x++) s += Math.exp(-Math.pow(x / (Math.sqrt(2) * width), 2));
        return s;
    }

    /** Least-squares {@code y = p0 + p1 x + p2 x^2}, by the normal equations on centred x (well conditioned here). */
    static double[] quadraticFit(double[] x, double[] y) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double[][] a = new double[3][4];
        for (int k = 0; k < x.length; k++) {
            double t = x[k] - mean;
            double[] basis = {1, t, t * t};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) a[i][j] += basis[i] * basis[j];
                a[i][3] += basis[i] * y[k];
            }
        }
        for (int c = 0; c < 3; c++) { // Gauss-Jordan with partial pivoting
            int pivot = c;
            for (int r = c + 1; r < 3; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < 3; r++) {
                if (r == c) continue;
                double f = a[r][c] / a[c][c];
                for (int j = c; j < 4; j++) a[r][j] -= f * a[c][j];
            }
        }
        double q0 = a[0][3] / a[0][0];
        double q1 = a[1][3] / a[1][1];
        double q2 = a[2][3] / a[2][2];
        // back from centred t = x - mean to x
        return new double[] {q0 - q1 * mean + q2 * mean * mean, q1 - 2 * q2 * mean, q2};
    }
}
