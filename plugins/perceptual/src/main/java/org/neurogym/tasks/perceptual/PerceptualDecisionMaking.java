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
 * Two-alternative (or N-alternative) forced choice: the agent fixates, integrates a noisy
 * stimulus whose mean favours one location by the trial's coherence, and reports that location.
 */
public final class PerceptualDecisionMaking extends TrialEnv {
    /** The periods of every trial, in order (a constant: no varargs array per trial). */
    private static final String[] PERIODS = {"fixation", "stimulus", "delay", "decision"};

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("PerceptualDecisionMaking-v0")
            .family("perceptual")
            .tags("perceptual", "two-alternative", "supervised")
            .description("Forced-choice task: the agent integrates a noisy stimulus and reports the location "
                    + "with the stronger average evidence after the stimulus (and an optional delay).")
            .paper("The analysis of visual motion: a comparison of neuronal and psychophysical performance",
                    "https://www.jneurosci.org/content/12/12/4745")
            .params(ParamSpec.dt(100),
                    ParamSpec.integer("dim_ring", 2, "Number of stimulus locations (choices).").min(2),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.numbers("cohs", new double[] {0, 6.4, 12.8, 25.6, 51.2}, "Coherence levels (task difficulty).").nonEmpty(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms).").min(0),
                    ParamSpec.bool("abort", false, "Whether breaking fixation aborts the trial."))
            .build(PerceptualDecisionMaking::new);

    private final int dimRing;
    private final double[] cohs;
    private final double sigma;
    private final boolean abort;
    private final double[] theta;
    private final double[] stimulus; // scratch of every trial's stimulus, made once

    public PerceptualDecisionMaking(Params p) {
        super(p);
        dimRing = p.getInt("dim_ring");
        cohs = p.getDoubles("cohs");
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        abort = p.getBoolean("abort");
        theta = Ring.directions(dimRing);
        stimulus = new double[theta.length];

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 100, "stimulus", 2000, "delay", 0, "decision", 100);
        defineSpaces(
                Box.unbounded(1 + dimRing, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + dimRing)),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
        defineChoices(0, "choice");
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", rng.integer(dimRing), 0, dimRing - 1);
        double coh = trial.setDefault("coh", rng.choice(cohs));

        addPeriods(PERIODS);

        addOb(1, "fixation", "fixation");
        addOb(Ring.cosineTuning(theta, theta[groundTruth], coh / 200, 0.5, stimulus), "stimulus", "stimulus");
        addRandn(0, sigma, "stimulus", "stimulus");

        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, abort);
    }
}
