package org.neurogym.wrappers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * Draws each trial's ground truth from the choice probabilities {@code p} (uniform when unset). A
 * caller (e.g. {@link ScheduleAttr}) may pass {@code p} for one trial; other facts it passes reach
 * the task unchanged.
 */
public final class RandomGroundTruth extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("RandomGroundTruth",
            "Draws each trial's ground truth from the choice probabilities p (uniform when unset); a trial fact 'p' "
                    + "given by an outer wrapper overrides it for that trial.",
            List.of(ParamSpec.optional("p", ParamType.NUMBER_LIST, "Probability of each choice; uniform when unset.")),
            RandomGroundTruth::new);

    private final Choices choices;
    private final double[] p;
    private final OwnRng own;

    public RandomGroundTruth(Env env, double[] p) {
        this(Guards.checked("RandomGroundTruth", env), p, Choices.probe("RandomGroundTruth", env));
    }

    private RandomGroundTruth(Env env, double[] p, Choices choices) {
        this(env, choices, Probabilities.vector("RandomGroundTruth", "p", p == null ? uniform(choices.n) : p.clone(), choices.n));
    }

    private RandomGroundTruth(Env env, Choices choices, double[] p) {
        super(env);
        this.choices = choices;
        this.p = p;
        this.own = new OwnRng(env);
    }

    private static double[] uniform(int n) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0 / n);
        return p;
    }

    public RandomGroundTruth(Env env, Params params) {
        this(env, params.isSet("p") ? params.getDoubles("p") : null);
    }

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        double[] probs = p;
        Map<String, Object> imposed = new HashMap<>(kwargs);
        Object given = imposed.remove("p");
        if (given != null) {
            double[] g = (double[]) ParamType.NUMBER_LIST.convert("p", given);
            probs = Probabilities.vector("RandomGroundTruth", "p", g, choices.n);
        }
        imposed.put("ground_truth", choices.value(own.rng.weighted(probs)));
        return trialEnv.newTrial(imposed);
    }

    @Override
    public float[] reset(long seed) {
        own.reseed(seed);
        return env.reset(seed);
    }

    @Override
    public float[] reset() {
        own.ensureSeeded();
        return env.reset();
    }
}
