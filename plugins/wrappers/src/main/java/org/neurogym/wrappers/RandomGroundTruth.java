package org.neurogym.wrappers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.neurogym.api.Choices;
import org.neurogym.api.Env;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Draws each trial's ground truth from the choice probabilities {@code p} (uniform when unset). A
 * caller (e.g. {@link ScheduleAttr}) may pass {@code p} for one trial; other facts it passes reach
 * the task unchanged.
 */
public final class RandomGroundTruth extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("RandomGroundTruth").family("trial")
            .description("Draws each trial's ground truth from the choice probabilities p (uniform when unset); a trial fact 'p' "
                    + "given by an outer wrapper overrides it for that trial.")
            .params(ParamSpec.optional("p", ParamType.NUMBER_LIST, "Probability of each choice; uniform when unset."))
            .accepts(Accepts.CHOICES)
            .build(RandomGroundTruth::new);

    private final Choices choices;
    private final double[] p;

    public RandomGroundTruth(Env env, double[] p) {
        this(env, p, Choices.of("RandomGroundTruth", env));
    }

    private RandomGroundTruth(Env env, double[] p, Choices choices) {
        super(env, () -> probabilities(p, choices));
        this.choices = choices;
        this.p = probabilities(p, choices);
    }

    /** {@code p}, checked against the choices, or uniform probabilities when it is null. */
    private static double[] probabilities(double[] p, Choices choices) {
        int n = choices.count();
        return Probabilities.vector("RandomGroundTruth", "p", p != null ? p.clone() : uniform(n), n);
    }

    public RandomGroundTruth(Env env, Params params) {
        this(env, params.isSet("p") ? params.getDoubles("p") : null);
    }

    private static double[] uniform(int n) {
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        return p;
    }

    @Override
    protected Map<String, ?> trialFacts(Map<String, ?> given) {
        Map<String, Object> imposed = new HashMap<>(given);
        Object perTrial = imposed.remove("p");
        double[] probs = perTrial == null ? p
                : Probabilities.vector("RandomGroundTruth", "p", (double[]) ParamType.NUMBER_LIST.convert("p", perTrial), choices.count());
        imposed.put("ground_truth", choices.value(rng().weighted(probs)));
        return imposed;
    }
}
