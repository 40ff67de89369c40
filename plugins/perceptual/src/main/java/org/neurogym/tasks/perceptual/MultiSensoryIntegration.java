package org.neurogym.tasks.perceptual;

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
 * Multi-sensory integration: two modalities point to the same direction, the trial's coherence
 * split between them at random; the agent must combine both to report the direction.
 */
public final class MultiSensoryIntegration extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("MultiSensoryIntegration-v0")
            .family("perceptual")
            .tags("perceptual", "two-alternative", "supervised")
            .description("Two noisy ring stimuli, one per modality, point to the same direction; the trial's coherence "
                    + "is divided between them in a random proportion, so the agent does best by integrating both "
                    + "modalities before reporting the direction in the decision period.")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise, per sqrt(ms).").min(0),
                    ParamSpec.integer("dim_ring", 2, "Number of stimulus directions (choices).").min(2))
            .build(MultiSensoryIntegration::new);

    private static final double[] COHS = {5, 15, 50};

    private final int dimRing;
    private final double sigma;
    private final double[] theta;

    public MultiSensoryIntegration(Params p) {
        super(p);
        dimRing = p.getInt("dim_ring");
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        theta = Ring.directions(dimRing);

        defineRewards(p, "abort", -0.1, "correct", 1.0);
        defineTiming(p, "fixation", 300, "stimulus", 750, "decision", 100);
        defineSpaces(
                Box.unbounded(1 + 2 * dimRing, Channel.of("fixation", 0),
                        Channel.range("stimulus_mod1", 1, 1 + dimRing),
                        Channel.range("stimulus_mod2", 1 + dimRing, 1 + 2 * dimRing)),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", rng.integer(dimRing), 0, dimRing - 1);
        double coh = trial.setDefault("coh", rng.choice(COHS));
        double share = trial.setDefault("coh_prop", rng.uniform());

        addPeriods("fixation", "stimulus", "decision");

        addOb(1, null, "fixation");
        addOb(Ring.cosineTuning(theta, theta[groundTruth], coh * share / 200, 0.5), "stimulus", "stimulus_mod1");
        addOb(Ring.cosineTuning(theta, theta[groundTruth], coh * (1 - share) / 200, 0.5), "stimulus", "stimulus_mod2");
        addRandn(0, sigma, "stimulus"); // every input, the fixation one included, as in the reference
        setOb(0, "decision");

        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);  // abort is always off in this task
    }
}
