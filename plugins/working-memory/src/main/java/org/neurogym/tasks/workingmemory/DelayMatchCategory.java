package org.neurogym.tasks.workingmemory;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Ring;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Delayed match-to-category: a sample direction and, after a delay, a test direction are shown
 * on a ring of units; the agent reports whether both belong to the same half of the circle.
 */
public final class DelayMatchCategory extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DelayMatchCategory-v0")
            .family("working-memory")
            .tags("perceptual", "working memory", "two-alternative", "supervised")
            .description("A sample direction is shown on a ring of input units, then a delay, then a test direction. "
                    + "Directions fall into two categories, the half-circles centred on 0 and on pi; during the test "
                    + "the agent answers 'match' if the test is in the sample's category and 'non-match' otherwise.")
            .paper("Experience-dependent representation of visual categories in parietal cortex",
                    "https://www.nature.com/articles/nature05078")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0),
                    ParamSpec.integer("dim_ring", 2, "Number of units of the stimulus ring.").min(1))
            .build(DelayMatchCategory::new);

    private static final String MATCH = "match";
    private static final String NON_MATCH = "non-match";

    private final double sigma;
    private final double[] theta;

    public DelayMatchCategory(Params p) {
        super(p);
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        int dimRing = p.getInt("dim_ring");
        theta = Ring.directions(dimRing);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "sample", 650, "first_delay", 1000, "test", 650);
        defineSpaces(
                Box.unbounded(1 + dimRing, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + dimRing)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of(MATCH, 1), Channel.of(NON_MATCH, 2)));
    }

    /**
     * A direction of category {@code category} (0 or 1) at relative position {@code u} in [0, 1)
     * within it. Category c covers [c pi - pi/2, c pi + pi/2): see the deviations (the reference's
     * [c pi, (c + 1) pi) cannot be told apart on its default two-unit ring).
     */
    static double categoryAngle(int category, double u) {
        double angle = (category + u) * Math.PI - Math.PI / 2;
        return angle < 0 ? angle + 2 * Math.PI : angle;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        Object given = trial.setDefault("ground_truth", (Object) (rng.integer(2) == 0 ? MATCH : NON_MATCH));
        if (!MATCH.equals(given) && !NON_MATCH.equals(given)) {
            throw new NeuroGymException("trial fact 'ground_truth' must be 'match' or 'non-match', got " + given);
        }
        String groundTruth = (String) given;
        int sampleCategory = trial.setDefaultWithin("sample_category", rng.integer(2), 0, 1);
        int testCategory = MATCH.equals(groundTruth) ? sampleCategory : 1 - sampleCategory;

        double sampleTheta = categoryAngle(sampleCategory, rng.uniform());
        double testTheta = categoryAngle(testCategory, rng.uniform());
        trial.put("test_category", testCategory);
        trial.put("sample_theta", sampleTheta);
        trial.put("test_theta", testTheta);

        addPeriods("fixation", "sample", "first_delay", "test");

        addOb(1, null, "fixation");
        setOb(0, "test", "fixation");
        addOb(Ring.cosineTuning(theta, sampleTheta, 0.5, 0.5), "sample", "stimulus");
        addOb(Ring.cosineTuning(theta, testTheta, 0.5, 0.5), "test", "stimulus");
        addRandn(0, sigma, "sample", "stimulus");
        addRandn(0, sigma, "test", "stimulus");

        setGroundTruth(0, "test", groundTruth);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation")) {
            if (action != 0) out.addReward(reward("abort")); // the reference never aborts these tasks
        } else if (inPeriod("test") && action != 0) {
            out.setNewTrial(true);
            if (action == gtNow()) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(reward("fail"));
            }
        }
    }
}
