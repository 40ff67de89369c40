package org.neurogym.wrappers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * Draws each trial's ground truth conditioned on the previous trial's: row {@code i} of the
 * transition matrix {@code probs} (choices x choices) gives the probabilities of the next choice
 * after choice {@code i}. The first trial of an episode follows a uniformly drawn "previous" choice.
 * A trial fact {@code probs} given by an outer wrapper (e.g. {@link ScheduleAttr}) replaces the
 * matrix for that trial; the trial records the matrix used under {@code probs}.
 */
public final class TrialHistory extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("TrialHistory",
            "Draws each trial's ground truth from a transition matrix conditioned on the previous trial's choice "
                    + "(probs: choices x choices, each row summing to 1; uniform when unset).",
            List.of(ParamSpec.optional("probs", ParamType.NUMBER_MATRIX,
                    "Transition matrix: row i gives the probabilities of the next choice after choice i; uniform when unset.")),
            TrialHistory::new);

    private final Choices choices;
    private final double[][] probs;
    private final OwnRng own;
    private int previous;

    public TrialHistory(Env env, double[][] probs) {
        this(Guards.checked("TrialHistory", env), probs, Choices.probe("TrialHistory", env));
    }

    private TrialHistory(Env env, double[][] probs, Choices choices) {
        this(env, choices, transitions(env, probs, choices.n));
    }

    private TrialHistory(Env env, Choices choices, double[][] probs) {
        super(env);
        this.choices = choices;
        this.probs = probs;
        this.own = new OwnRng(env);
        this.previous = own.rng.integer(choices.n);
    }

    private static double[][] transitions(Env env, double[][] probs, int n) {
        if (probs == null) {
            probs = new double[n][n];
            for (double[] row : probs) java.util.Arrays.fill(row, 1.0 / n);
        }
        Probabilities.matrix("TrialHistory", "probs", probs);
        if (probs.length != n || probs[0].length != n) {
            throw new NeuroGymException("TrialHistory: probs is " + probs.length + " x " + probs[0].length + " but "
                    + env.name() + " has " + n + " choices; give a " + n + " x " + n + " transition matrix");
        }
        return probs;
    }

    public TrialHistory(Env env, Params params) {
        this(env, params.isSet("probs") ? params.getMatrix("probs") : null);
    }

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        double[][] m = probs;
        Object given = kwargs.get("probs");
        if (given != null) {
            // a per-trial matrix from an outer wrapper (e.g. ScheduleAttr) replaces the wrapper's for this trial
            m = transitions(env, (double[][]) ParamType.NUMBER_MATRIX.convert("probs", given), choices.n);
        }
        previous = own.rng.weighted(m[previous]);
        Map<String, Object> imposed = new HashMap<>(kwargs);
        imposed.put("ground_truth", choices.value(previous));
        List<List<Double>> recorded = new java.util.ArrayList<>(m.length);
        for (double[] row : m) recorded.add(Probabilities.asList(row));
        imposed.put("probs", recorded);
        return trialEnv.newTrial(imposed);
    }

    @Override
    public float[] reset(long seed) {
        own.reseed(seed);
        previous = own.rng.integer(choices.n);
        return env.reset(seed);
    }

    @Override
    public float[] reset() {
        own.ensureSeeded();
        previous = own.rng.integer(choices.n);
        return env.reset();
    }
}
