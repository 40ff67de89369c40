package org.neurogym.tasks.collections.perceptual;

import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/**
 * The perceptual decision-making task (PerceptualDecisionMaking-v0) that both tasks of this
 * collection build on: its parameters, rewards, timing, spaces and stimulus, written once.
 */
abstract class RandomDotsTask extends TrialEnv {

    /** The parameters of PerceptualDecisionMaking-v0, with its defaults. */
    static ParamSpec[] params() {
        return new ParamSpec[] {
            ParamSpec.dt(100),
            ParamSpec.integer("dim_ring", 2, "Number of stimulus locations (choices)."),
            ParamSpec.rewards(),
            ParamSpec.timing(),
            ParamSpec.numbers("cohs", new double[] {0, 6.4, 12.8, 25.6, 51.2}, "Coherence levels (task difficulty)."),
            ParamSpec.number("sigma", 1.0, "Standard deviation of the stimulus noise, per sqrt(ms)."),
            ParamSpec.bool("abort", false, "Whether breaking fixation aborts the trial.")
        };
    }

    protected final int dimRing;
    protected final double[] cohs;
    protected final double sigma;
    protected final boolean abort;
    private final double[] theta;
    private final double[] stim;

    RandomDotsTask(Params p) {
        super(p);
        dimRing = p.getInt("dim_ring");
        if (dimRing < 2) throw new ParameterException("dim_ring", "dim_ring must be >= 2, got " + dimRing);
        cohs = p.getDoubles("cohs");
        if (cohs.length == 0) throw new ParameterException("cohs", "cohs must hold at least one coherence");
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        if (!(sigma >= 0) || Double.isInfinite(sigma)) throw new ParameterException("sigma", "sigma must be a finite number >= 0");
        abort = p.getBoolean("abort");
        theta = new double[dimRing];
        for (int i = 0; i < dimRing; i++) theta[i] = 2 * Math.PI * i / dimRing;
        stim = new double[dimRing];

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 100, "stimulus", 2000, "delay", 0, "decision", 100);
        defineSpaces(
                Box.unbounded(1 + dimRing, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + dimRing)),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
        defineChoices(0, "choice");
    }

    /** Writes the fixation input and the noisy stimulus favouring {@code groundTruth} by {@code coh}. */
    protected final void writeStimulus(int groundTruth, double coh) {
        addOb(1, "fixation", "fixation");
        for (int i = 0; i < dimRing; i++) stim[i] = Math.cos(theta[i] - theta[groundTruth]) * (coh / 200) + 0.5;
        addOb(stim, "stimulus", "stimulus");
        addRandn(0, sigma, "stimulus", "stimulus");
    }

    protected final int checkedGroundTruth(int gt) {
        if (gt < 0 || gt >= dimRing) {
            throw new org.neurogym.api.NeuroGymException(name() + ": ground_truth must be in 0.." + (dimRing - 1) + ", got " + gt);
        }
        return gt;
    }
}
