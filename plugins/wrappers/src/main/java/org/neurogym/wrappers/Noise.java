package org.neurogym.wrappers;

import org.neurogym.api.Env;
import org.neurogym.api.ObservationWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Adds Gaussian noise of standard deviation {@code std_noise} to every observation element, in the
 * trial matrix when the trial is built (stepping and supervised datasets see the same noisy trial),
 * from the wrapper's own stream, so the task's own draws are the same with or without noise. The
 * observation space loses its bounds, which noisy values may cross.
 */
public final class Noise extends ObservationWrapper {
    private static final ParamSpec STD_NOISE = ParamSpec.number("std_noise", 0.1, "Standard deviation of the noise.").min(0);

    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("Noise").family("observation")
            .description("Adds Gaussian noise to every observation element. The noise is written into each trial's observation "
                    + "matrix when the trial starts (stepping and datasets see the same noisy trial), from the wrapper's own seeded stream.")
            .params(STD_NOISE)
            .accepts(Accepts.TRIAL_BASED)
            .build(Noise::new);

    private final double std;

    /** The Java constructor checks its argument against the declared spec too. */
    public Noise(Env env, double stdNoise) {
        super(env, () -> STD_NOISE.convert(stdNoise));
        this.std = stdNoise;
        unbound();
    }

    public Noise(Env env, Params params) {
        this(env, params.getDouble("std_noise"));
    }

    /** The standard deviation of the noise. */
    public double stdNoise() {
        return std;
    }

    @Override
    protected void observation(float[] ob, int at, int step) {
        if (std == 0) return;
        for (int c = at; c < at + innerSize(); c++) ob[c] += (float) (rng().gaussian() * std);
    }
}
