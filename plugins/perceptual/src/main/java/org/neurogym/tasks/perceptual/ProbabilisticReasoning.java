package org.neurogym.tasks.perceptual;

import java.util.ArrayList;
import java.util.List;
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
 * Probabilistic reasoning (weather prediction): shapes appear one by one at distinct locations,
 * each carrying a log-likelihood weight for one of two choices; the rewarded choice is drawn
 * from the probability given by the summed weights.
 */
public final class ProbabilisticReasoning extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ProbabilisticReasoning-v0")
            .family("perceptual")
            .tags("perceptual", "two-alternative", "supervised")
            .description("A shape appears at each of n_loc locations in turn and stays on screen. Each shape carries "
                    + "a weight of evidence (a base-10 log odds) for the second choice over the first; the correct "
                    + "choice is drawn with the probability given by the summed weights, and is reported after a "
                    + "short delay.")
            .paper("Probabilistic reasoning by neurons", "https://www.nature.com/articles/nature05852")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.numbers("shape_weight", new double[] {-10, -0.9, -0.7, -0.5, -0.3, 0.3, 0.5, 0.7, 0.9, 10},
                            "Evidence weight (log10 odds for the second choice) of each shape.").nonEmpty(),
                    ParamSpec.integer("n_loc", 4, "Number of locations, and of shapes shown per trial.").min(1))
            .build(ProbabilisticReasoning::new);

    private final double[] shapeWeight;
    private final int nShape;
    private final int nLoc;
    private final String[] stimulusPeriods;
    private final String[] periods;

    public ProbabilisticReasoning(Params p) {
        super(p);
        shapeWeight = p.getDoubles("shape_weight");
        nShape = shapeWeight.length;
        nLoc = p.getInt("n_loc");

        stimulusPeriods = new String[nLoc];
        List<Object> timing = new ArrayList<>(List.of("fixation", 500, "delay", Timing.uniform(450, 550), "decision", 500));
        for (int i = 0; i < nLoc; i++) {
            stimulusPeriods[i] = "stimulus" + i;
            timing.add(stimulusPeriods[i]);
            timing.add(500);
        }
        periods = new String[nLoc + 3];
        periods[0] = "fixation";
        System.arraycopy(stimulusPeriods, 0, periods, 1, nLoc);
        periods[nLoc + 1] = "delay";
        periods[nLoc + 2] = "decision";

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, timing.toArray());

        Channel[] obs = new Channel[1 + nLoc];
        obs[0] = Channel.of("fixation", 0);
        for (int i = 0; i < nLoc; i++) obs[1 + i] = Channel.range("loc" + i, 1 + i * nShape, 1 + (i + 1) * nShape);
        defineSpaces(Box.unbounded(1 + nShape * nLoc, obs),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("choice", 1, 2)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // locations: a random permutation; shapes: drawn with replacement
        int[] locs = new int[nLoc];
        for (int i = 0; i < nLoc; i++) locs[i] = i;
        for (int i = nLoc - 1; i > 0; i--) {
            int j = rng.integer(i + 1);
            int swap = locs[i];
            locs[i] = locs[j];
            locs[j] = swap;
        }
        int[] shapes = new int[nLoc];
        for (int i = 0; i < nLoc; i++) shapes[i] = rng.integer(nShape);
        locs = trial.setDefaultIntegers("locs", locs);
        shapes = trial.setDefaultIntegers("shapes", shapes);
        if (locs.length != nLoc || shapes.length != nLoc) {
            throw new org.neurogym.api.NeuroGymException("trial facts 'locs' and 'shapes' must each hold n_loc = " + nLoc + " values");
        }

        double logOdd = 0;
        for (int i = 0; i < nLoc; i++) logOdd += shapeWeight[Trial.within("shapes", shapes[i], 0, nShape - 1)];
        double pSecond = 1.0 / (Math.pow(10, -logOdd) + 1.0);
        int groundTruth = rng.uniform() < pSecond ? 1 : 0;
        trial.put("log_odd", logOdd);
        trial.put("ground_truth", groundTruth);

        addPeriods(periods);

        addOb(1, null, "fixation");
        setOb(0, "decision", "fixation");
        for (int i = 0; i < nLoc; i++) {
            int element = 1 + Trial.within("locs", locs[i], 0, nLoc - 1) * nShape + shapes[i];
            // shape i appears in stimulus period i and stays until the delay
            for (int j = i; j < nLoc; j++) addOb(1, stimulusPeriods[j], element);
        }

        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.UNTIL_DECISION, false);  // abort is always off in this task
    }
}
