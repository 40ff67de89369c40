package org.neurogym.wrappers;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Choices;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Draws each trial's ground truth from the choice probabilities of the current block. Blocks are
 * the rows of {@code probs} (blocks x choices); a new block is always a different row. A block
 * lasts {@code block_dur} trials (an integer), switches after each trial with probability
 * {@code block_dur} (a number in (0, 1)), or lasts a number of trials drawn uniformly from an
 * inclusive range {@code [low, high]}. The trial records the row used under {@code probs}.
 */
public final class SideBias extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("SideBias").family("trial")
            .description("Draws each trial's ground truth with block-wise choice probabilities: probs is a matrix of blocks x choices "
                    + "(columns must match the task's choices); a block lasts block_dur trials (integer), switches with "
                    + "probability block_dur after each trial (number in (0,1)), or lasts a uniform number of trials in [low, high].")
            .params(ParamSpec.required("probs", ParamType.NUMBER_MATRIX,
                            "Choice probabilities, one row per block, one column per choice; each row sums to 1."),
                    new ParamSpec("block_dur", ParamType.ANY, 200,
                            "Block duration: an integer number of trials (>= 1), a per-trial switch probability in (0, 1), "
                                    + "or an inclusive range [low, high] of trials."))
            .accepts(Accepts.CHOICES)
            .contractParams((id, env) -> {
                int n = Choices.of("SideBias", env).count();
                return Map.of("probs", List.of(Collections.nCopies(n, 1.0 / n)), "block_dur", 3);
            })
            .build(SideBias::new);

    /** How long blocks last. */
    public sealed interface BlockDuration permits Fixed, Switching, Range {}

    /** Every block lasts {@code trials} trials. */
    public record Fixed(int trials) implements BlockDuration {}

    /** After each trial the block switches with probability {@code p}. */
    public record Switching(double p) implements BlockDuration {}

    /** Each block lasts a number of trials drawn uniformly from {@code [low, high]}. */
    public record Range(int low, int high) implements BlockDuration {}

    private final double[][] probs;
    private final BlockDuration duration;
    private final Choices choices;
    private int block;
    private int remaining;
    private boolean started;

    public SideBias(Env env, double[][] probs, Object blockDur) {
        this(env, Probabilities.matrix("SideBias", "probs", copy(probs)), parseBlockDuration(blockDur), Choices.of("SideBias", env));
    }

    private SideBias(Env env, double[][] probs, BlockDuration duration, Choices choices) {
        super(env, () -> {
            if (probs[0].length != choices.count()) {
                throw new NeuroGymException("SideBias: probs has " + probs[0].length + " columns but " + env.name() + " has "
                        + choices.count() + " choices; give one probability per choice in each row");
            }
        });
        this.probs = probs;
        this.duration = duration;
        this.choices = choices;
        onReset();
    }

    public SideBias(Env env, Params params) {
        this(env, params.getMatrix("probs"), params.get("block_dur"));
    }

    /** Reads {@code block_dur}: an integer, a fraction in (0, 1), or a two-integer range. */
    public static BlockDuration parseBlockDuration(Object v) {
        String key = "block_dur";
        if (isInteger(v)) {
            long n = ((Number) v).longValue();
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new ParameterException(key, "SideBias: an integer block_dur is a number of trials and must be >= 1, got " + n);
            }
            return new Fixed((int) n);
        }
        if (v instanceof Double || v instanceof Float) {
            double p = ((Number) v).doubleValue();
            if (!(p > 0 && p < 1)) {
                throw new ParameterException(key, "SideBias: a fractional block_dur is a per-trial switch probability and must lie "
                        + "between 0 and 1 (exclusive), got " + p + "; give an integer for a fixed number of trials");
            }
            return new Switching(p);
        }
        Object[] pair = null;
        if (v instanceof List<?> l) pair = l.toArray();
        else if (v instanceof int[] a) pair = java.util.Arrays.stream(a).boxed().toArray();
        if (pair != null) {
            if (pair.length != 2) {
                throw new ParameterException(key, "SideBias: a block_dur range must have exactly two elements [low, high] "
                        + "(the inclusive range of trials per block), got " + pair.length);
            }
            if (!isInteger(pair[0]) || !isInteger(pair[1])) {
                throw new ParameterException(key, "SideBias: block_dur range values must be integers, got " + List.of(pair));
            }
            long low = ((Number) pair[0]).longValue();
            long high = ((Number) pair[1]).longValue();
            if (low < 1) throw new ParameterException(key, "SideBias: block_dur range low value must be >= 1, got " + low);
            if (high < low) throw new ParameterException(key, "SideBias: block_dur range high value must be >= low, got [" + low + ", " + high + "]");
            if (high >= Integer.MAX_VALUE) throw new ParameterException(key, "SideBias: block_dur range high value is too large: " + high);
            return new Range((int) low, (int) high);
        }
        throw new ParameterException(key, "SideBias: block_dur must be an integer >= 1 (fixed duration), a number in (0, 1) "
                + "(switch probability) or a range [low, high] of integers, got " + (v == null ? "nothing" : v.getClass().getSimpleName() + " " + v));
    }

    private static boolean isInteger(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    /** The block (row of {@code probs}) of the current trial. */
    public int currentBlock() {
        return block;
    }

    /** The block duration rule. */
    public BlockDuration blockDuration() {
        return duration;
    }

    /** The number of choices the task declares. */
    public int choiceCount() {
        return choices.count();
    }

    @Override
    protected void onReset() {
        block = rng().integer(probs.length);
        remaining = newBlockLength();
        started = false;
    }

    /** Trials in a new block (ignored in switching mode). */
    private int newBlockLength() {
        if (duration instanceof Fixed f) return f.trials();
        if (duration instanceof Range r) return rng().integer(r.low(), r.high() + 1);
        return 0;
    }

    private void switchBlock() {
        if (probs.length > 1) {
            int j = rng().integer(probs.length - 1);
            block = j >= block ? j + 1 : j;
        }
        remaining = newBlockLength();
    }

    @Override
    protected Map<String, ?> trialFacts(Map<String, ?> given) {
        if (duration instanceof Switching s) {
            if (started && rng().bernoulli(s.p())) switchBlock();
        } else {
            if (remaining <= 0) switchBlock();
            remaining--;
        }
        started = true;
        Map<String, Object> imposed = new HashMap<>(given);
        imposed.put("ground_truth", choices.value(rng().weighted(probs[block])));
        imposed.put("probs", Probabilities.asList(probs[block]));
        return imposed;
    }
}
