package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Choices;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Draws each trial's ground truth conditioned on the previous trial's: row {@code i} of the
 * transition matrix {@code probs} (choices x choices) gives the probabilities of the next choice
 * after choice {@code i}. The first trial of an episode follows a uniformly drawn "previous" choice.
 * A trial fact {@code probs} given by an outer wrapper (e.g. {@link ScheduleAttr}) replaces the
 * matrix for that trial; the trial records the matrix used under {@code probs}.
 */
public final class TrialHistory extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("TrialHistory").family("trial")
            .description("Draws each trial's ground truth from a transition matrix conditioned on the previous trial's choice "
                    + "(probs: choices x choices, each row summing to 1; uniform when unset).")
            .params(ParamSpec.optional("probs", ParamType.NUMBER_MATRIX,
                    "Transition matrix: row i gives the probabilities of the next choice after choice i; uniform when unset."))
            .accepts(Accepts.CHOICES)
            .build(TrialHistory::new);

    private final Choices choices;
    private final double[][] probs;
    private int previous;

    public TrialHistory(Env env, double[][] probs) {
        this(env, probs, Choices.of("TrialHistory", env));
    }

    private TrialHistory(Env env, double[][] probs, Choices choices) {
        super(env, () -> transitions(env, probs, choices.count()));
        this.choices = choices;
        this.probs = transitions(env, probs, choices.count());
        onReset();
    }

    public TrialHistory(Env env, Params params) {
        this(env, params.isSet("probs") ? params.getMatrix("probs") : null);
    }

    private static double[][] transitions(Env env, double[][] probs, int n) {
        if (probs == null) {
            probs = new double[n][n];
            for (double[] row : probs) Arrays.fill(row, 1.0 / n);
        }
        Probabilities.matrix("TrialHistory", "probs", probs);
        if (probs.length != n || probs[0].length != n) {
            throw new NeuroGymException("TrialHistory: probs is " + probs.length + " x " + probs[0].length + " but "
                    + env.name() + " has " + n + " choices; give a " + n + " x " + n + " transition matrix");
        }
        return probs;
    }

    @Override
    protected void onReset() {
        previous = rng().integer(choices.count());
    }

    @Override
    protected Map<String, ?> trialFacts(Map<String, ?> given) {
        Object perTrial = given.get("probs");
        double[][] m = perTrial == null ? probs
                : transitions(env, (double[][]) ParamType.NUMBER_MATRIX.convert("probs", perTrial), choices.count());
        previous = rng().weighted(m[previous]);
        Map<String, Object> imposed = new HashMap<>(given);
        imposed.put("ground_truth", choices.value(previous));
        List<List<Double>> recorded = new ArrayList<>(m.length);
        for (double[] row : m) recorded.add(Probabilities.asList(row));
        imposed.put("probs", recorded);
        return imposed;
    }
}
