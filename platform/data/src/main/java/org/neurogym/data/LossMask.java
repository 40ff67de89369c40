package org.neurogym.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurogym.api.TrialEnv;

/**
 * A per-step weight of the supervised loss, computed from the periods of each trial when the trial
 * starts (so it costs nothing per step). Two kinds:
 *
 * <ul>
 *   <li>{@link #byPeriod}: a weight per named period, another for steps in no named period
 *       (e.g. {@code {fixation: 0}} with 1 elsewhere: no loss while the network must only fixate);</li>
 *   <li>{@link #yang19}: the cost mask of Yang et al. (2019), Nature Neuroscience: 0 in the trial's
 *       first 100 ms, 1 until the response period, 0 in a grace period at the response's onset
 *       (the network may take that long to answer), 5 for the rest of the trial.</li>
 * </ul>
 *
 * <p>Immutable and stateless: one mask serves every row of a dataset at once.
 */
public final class LossMask {
    /** Yang et al. (2019): the first 100 ms of a trial are never checked. */
    private static final double YANG19_SETTLE_MS = 100;
    private static final float YANG19_BEFORE = 1f;
    private static final float YANG19_AFTER = 5f;

    private final Map<String, Float> weights;
    private final float otherwise;
    private final String responsePeriod;
    private final double graceMs;
    private final String description;

    private LossMask(Map<String, Float> weights, float otherwise, String responsePeriod, double graceMs, String description) {
        this.weights = weights;
        this.otherwise = otherwise;
        this.responsePeriod = responsePeriod;
        this.graceMs = graceMs;
        this.description = description;
    }

    /**
     * A weight per period ({@code weights}, in any order) and {@code otherwise} for steps in none of
     * them; a step in several named periods takes the weight of the one that starts last.
     */
    public static LossMask byPeriod(Map<String, ? extends Number> weights, double otherwise) {
        Objects.requireNonNull(weights, "weights");
        Map<String, Float> w = new LinkedHashMap<>();
        weights.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v.doubleValue())) throw new IllegalArgumentException("mask weight of period '" + k + "' must be a finite number, got " + v);
            w.put(k, v.floatValue());
        });
        if (!Double.isFinite(otherwise)) throw new IllegalArgumentException("mask weight outside the named periods must be finite, got " + otherwise);
        StringBuilder text = new StringBuilder();
        w.forEach((k, v) -> text.append(k).append('=').append(v).append(','));
        text.append("*=").append((float) otherwise);
        return new LossMask(Map.copyOf(w), (float) otherwise, null, 0, text.toString());
    }

    /**
     * Yang et al. (2019)'s cost mask, the response being {@code responsePeriod} (NeuroGym's tasks call
     * it {@code decision}) with a grace period of {@code graceMs} (the paper's is 100 ms). A trial
     * without that period is weighted 1 after its first 100 ms.
     */
    public static LossMask yang19(String responsePeriod, double graceMs) {
        Objects.requireNonNull(responsePeriod, "responsePeriod");
        if (!(graceMs >= 0) || Double.isInfinite(graceMs)) throw new IllegalArgumentException("grace period must be a non-negative number of ms, got " + graceMs);
        return new LossMask(null, 0, responsePeriod, graceMs, "yang19:" + responsePeriod + ":" + graceMs);
    }

    /** The paper's mask: response period {@code decision}, 100 ms of grace. */
    public static LossMask yang19() {
        return yang19("decision", 100);
    }

    /**
     * A mask from its text form, as the CLI's {@code --mask} and Python's {@code mask="..."} take it:
     * {@code yang19} (the paper's), {@code yang19:PERIOD:GRACE_MS}, or period weights
     * {@code fixation=0,decision=2} with {@code *=W} for steps in no named period (default 1).
     */
    public static LossMask parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip();
        if (s.equals("yang19")) return yang19();
        if (s.startsWith("yang19:")) {
            String[] parts = s.split(":");
            if (parts.length != 3) throw new IllegalArgumentException("mask '" + spec + "': write yang19 or yang19:PERIOD:GRACE_MS");
            return yang19(parts[1], number(spec, parts[2]));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double otherwise = 1;
        for (String item : s.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mask '" + spec + "': write yang19, or PERIOD=WEIGHT,... (e.g. fixation=0), with *=WEIGHT "
                        + "for the other steps");
            }
            String period = item.substring(0, eq).strip();
            double w = number(spec, item.substring(eq + 1));
            if (period.equals("*")) otherwise = w;
            else weights.put(period, w);
        }
        return byPeriod(weights, otherwise);
    }

    private static double number(String spec, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mask '" + spec + "': '" + text.strip() + "' is not a number");
        }
    }

    /** Writes the weight of each of the trial's {@code length} steps into {@code out[0..length)}. */
    void fill(TrialEnv task, int length, float[] out) {
        if (responsePeriod == null) fillByPeriod(task, length, out);
        else fillYang19(task, length, out);
    }

    private void fillByPeriod(TrialEnv task, int length, float[] out) {
        java.util.Arrays.fill(out, 0, length, otherwise);
        // periods() is in the order they were added; the later of two overlapping ones wins
        for (String p : task.periods()) {
            Float w = weights.get(p);
            if (w == null) continue;
            int to = Math.min(task.periodEnd(p), length);
            for (int t = Math.max(task.periodStart(p), 0); t < to; t++) out[t] = w;
        }
    }

    private void fillYang19(TrialEnv task, int length, float[] out) {
        double dt = task.dt();
        int settle = Math.min(length, (int) Math.floor(YANG19_SETTLE_MS / dt));
        int response = task.hasPeriod(responsePeriod) ? Math.min(length, Math.max(task.periodStart(responsePeriod), 0)) : length;
        int checked = Math.min(length, response + (int) Math.floor(graceMs / dt));
        for (int t = 0; t < length; t++) {
            float w;
            if (t < settle) w = 0f;
            else if (t < response) w = YANG19_BEFORE;
            else if (t < checked) w = 0f;
            else w = YANG19_AFTER;
            out[t] = w;
        }
    }

    /** The text form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return description;
    }
}
