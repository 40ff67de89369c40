package org.neurogym.tasks.collections.yang19;

import org.neurogym.api.Ring;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;

/**
 * What the twenty tasks of Yang et al. (2019) share: a ring of {@code dim_ring} directions seen
 * through two stimulus modalities (observation {@code 1 + 2 * dim_ring}: fixation, then modality 1,
 * then modality 2) and a response on the same ring (action {@code 1 + dim_ring}: fixate or choose a
 * direction). Every task of the set has the same spaces, so they can be scheduled in one network.
 */
abstract class RingTask extends TrialEnv {

    static final String MOD1 = "stimulus_mod1";
    static final String MOD2 = "stimulus_mod2";

    protected final int dimRing;
    /** The preferred direction of each ring unit, evenly spaced from 0. */
    protected final double[] theta;
    /** Scratch for one bump of activity on the ring (reused from trial to trial). */
    protected final double[] bump;

    RingTask(Params p) {
        super(p);
        dimRing = p.getInt("dim_ring");
        theta = Ring.directions(dimRing);
        bump = new double[dimRing];
        defineSpaces(
                Box.unbounded(1 + 2 * dimRing, Channel.of("fixation", 0),
                        Channel.range(MOD1, 1, 1 + dimRing), Channel.range(MOD2, 1 + dimRing, 1 + 2 * dimRing)),
                new Discrete(1 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing)));
    }

    /** The stimulus channel of modality 0 or 1. */
    static String modality(int m) {
        return m == 0 ? MOD1 : MOD2;
    }

    /**
     * Fills {@link #bump} with a Gaussian bump of activity centred on direction {@code loc}: a
     * peak of {@code 0.8 * strength}, width pi/8 measured on the circle, whatever the ring size.
     */
    protected final double[] gaussianBump(double loc, double strength) {
        for (int i = 0; i < dimRing; i++) {
            double d = Math.abs(loc - theta[i]) % (2 * Math.PI);
            d = Math.min(d, 2 * Math.PI - d) / (Math.PI / 8);
            bump[i] = 0.8 * Math.exp(-d * d / 2) * strength;
        }
        return bump;
    }
}
