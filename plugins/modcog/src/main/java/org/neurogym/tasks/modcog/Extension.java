package org.neurogym.tasks.modcog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Mod-Cog task adds to the yang19 task it is built on: its name, the direction of the "int"
 * rotation ({@code integrate}: +1 for "intr", -1 for "intl", 0 for none) and of the "seq" sequence
 * ({@code seq}: +1 for "seqr", -1 for "seql", 0 for none), and the period timings Mod-Cog defines
 * differently from yang19 (merged under any timing the caller gives).
 */
record Extension(String name, String base, Family family, int integrate, int seq, Map<String, Object> timing) {

    /** The three yang19 families, which Mod-Cog extends in different ways. */
    enum Family { REACH, DECISION, MATCH }

    /** Mod-Cog's angular velocity, 0.01 per ms (radians for the reach family, ring steps elsewhere). */
    static final double OMEGA = 0.01;

    /** The delays Mod-Cog draws for the "int" reach and matching tasks: 0, 100, ..., 1100 ms. */
    private static final List<Object> INT_DELAYS = List.of("choice",
            List.of(0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100));

    Extension {
        timing = Map.copyOf(timing);
    }

    /** A task with neither extension: the yang19 task with Mod-Cog's timings. */
    boolean plain() {
        return integrate == 0 && seq == 0;
    }

    static Extension of(String base, int integrate, int seq) {
        Family family = familyOf(base);
        Map<String, Object> timing = new LinkedHashMap<>(baseTiming(base, family));
        if (integrate != 0 && family != Family.DECISION) timing.put("delay", INT_DELAYS);
        boolean reaction = base.startsWith("rt");
        if (seq != 0 && !reaction) timing.put("decision", 1000);
        String name = base + (integrate > 0 ? "intr" : integrate < 0 ? "intl" : "") + (seq > 0 ? "seqr" : seq < 0 ? "seql" : "");
        return new Extension(name, base, family, integrate, seq, timing);
    }

    private static Family familyOf(String base) {
        return switch (base) {
            case "go", "rtgo", "dlygo", "anti", "rtanti", "dlyanti" -> Family.REACH;
            case "dms", "dnms", "dmc", "dnmc" -> Family.MATCH;
            default -> Family.DECISION;
        };
    }

    /** Where Mod-Cog's base tasks time their periods unlike yang19 (see docs/deviations/modcog.md). */
    private static Map<String, Object> baseTiming(String base, Family family) {
        if (family == Family.MATCH) return Map.of("delay", List.of("uniform", List.of(200, 1200)));
        if (family == Family.DECISION && base.contains("dly")) return Map.of("delay", 500);
        if (base.equals("dm1")) return Map.of("stimulus", 500);
        return Map.of();
    }
}
