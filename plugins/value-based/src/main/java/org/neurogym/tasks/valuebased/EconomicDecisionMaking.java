package org.neurogym.tasks.valuebased;

import java.util.List;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Choice between two offers of juice: each side offers a quantity of one of two juices, juice A
 * being worth 2.2 units of juice B. Choosing a side earns its value; the trial counts as correct
 * when the chosen offer is worth strictly more than the other.
 */
public final class EconomicDecisionMaking extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("EconomicDecisionMaking-v0")
            .family("value-based")
            .tags("perceptual", "value-based")
            .description("Two offers of juice are shown after fixation, each as a juice type (A or B) and a quantity; "
                    + "one unit of A is worth 2.2 units of B. In the decision period the agent picks an offer and is "
                    + "rewarded with its value. The ground truth is fixation until the decision period, then the offer "
                    + "of greater value (the first offer on a tie).")
            .paper("Neurons in the orbitofrontal cortex encode economic value", "https://www.nature.com/articles/nature04676")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing())
            .build(EconomicDecisionMaking::new);

    /** The value of one unit of juice B in units of juice A. */
    static final double B_TO_A = 1 / 2.2;

    private static final List<List<String>> JUICES = List.of(List.of("a", "b"), List.of("b", "a"));
    /** Offers as (quantity of B, quantity of A). */
    private static final double[][] OFFERS = {
        {0, 1}, {1, 3}, {1, 2}, {1, 1}, {2, 1}, {3, 1}, {4, 1}, {6, 1}, {2, 0}};

    private final double valueA;
    private final double valueB;

    // the current trial's offer values, for onStep
    private double value1;
    private double value2;

    public EconomicDecisionMaking(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 0.22);
        defineTiming(p, "fixation", 1500, "offer_on", Timing.uniform(1000, 2000), "decision", 750);
        valueA = reward("correct");
        valueB = B_TO_A * reward("correct");
        defineSpaces(
                Box.unbounded(7, Channel.of("fixation", 0), Channel.of("a1", 1), Channel.of("b1", 2),
                        Channel.of("a2", 3), Channel.of("b2", 4), Channel.of("n1", 5), Channel.of("n2", 6)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("choice1", 1), Channel.of("choice2", 2)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        List<?> juice = juice(trial.setDefault("juice", (Object) JUICES.get(rng.integer(JUICES.size()))));
        trial.put("juice", juice);
        double[] offer = trial.setDefaultNumbers("offer", OFFERS[rng.integer(OFFERS.length)].clone(), 2);
        String juice1 = (String) juice.get(0);
        String juice2 = (String) juice.get(1);
        double nB = offer[0];
        double nA = offer[1];
        if (!(nB >= 0 && nA >= 0)) {
            throw new NeuroGymException("trial fact 'offer' must be two quantities >= 0 (juice B, juice A), got "
                    + java.util.Arrays.toString(offer));
        }
        boolean aFirst = juice1.equals("a");
        double n1 = aFirst ? nA : nB;
        double n2 = aFirst ? nB : nA;
        value1 = aFirst ? nA * valueA : nB * valueB;
        value2 = aFirst ? nB * valueB : nA * valueA;

        addPeriods("fixation", "offer_on", "decision");

        addOb(1, "fixation", "fixation");
        addOb(1, "offer_on", "fixation");
        addOb(1, "offer_on", juice1 + "1");
        addOb(1, "offer_on", juice2 + "2");
        addOb(n1 / 5.0, "offer_on", "n1");
        addOb(n2 / 5.0, "offer_on", "n2");

        // Fix of the reference, which reports no ground truth: the offer of greater value.
        setGroundTruth(value1 >= value2 ? 1 : 2, "decision");
    }

    /** The imposed or drawn juice order as a list of two distinct names out of "a" and "b". */
    private static List<?> juice(Object value) {
        List<?> juice = value instanceof Object[] a ? List.of(a) : value instanceof List<?> l ? l : null;
        if (juice == null || juice.size() != 2 || !isJuice(juice.get(0)) || !isJuice(juice.get(1))
                || juice.get(0).equals(juice.get(1))) {
            throw new NeuroGymException("trial fact 'juice' must be [\"a\", \"b\"] or [\"b\", \"a\"], got " + value);
        }
        return juice;
    }

    private static boolean isJuice(Object name) {
        return "a".equals(name) || "b".equals(name);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation") || inPeriod("offer_on")) {
            if (action != 0) out.addReward(reward("abort")); // the reference never aborts this task
        } else if (inPeriod("decision") && action != 0) {
            out.setNewTrial(true);
            double chosen = action == 1 ? value1 : value2;
            double other = action == 1 ? value2 : value1;
            out.addReward(chosen);
            if (chosen > other) performance = 1;
        }
    }
}
