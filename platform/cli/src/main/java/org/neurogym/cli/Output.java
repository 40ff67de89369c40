package org.neurogym.cli;

import java.util.Locale;

/** Number formatting shared by the commands' human-readable output. */
final class Output {
    private Output() {}

    static String number(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return String.format(Locale.ROOT, "%,d", (long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return "n/a";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
