package org.neurogym.wrappers;

import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * Adds Gaussian noise of standard deviation {@code std_noise} to every observation element. The
 * noise goes into the trial's observation matrix when the trial is built, so stepping and
 * supervised datasets see the same noisy trial. It is drawn from the wrapper's own stream (seeded
 * from the episode seed), so the task's own draws are the same with or without noise.
 */
public final class Noise extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("Noise",
            "Adds Gaussian noise to every observation element. The noise is written into each trial's observation "
                    + "matrix when the trial starts (stepping and datasets see the same noisy trial), from the wrapper's own seeded stream.",
            List.of(ParamSpec.number("std_noise", 0.1, "Standard deviation of the noise.")),
            Noise::new);

    private final double std;
    private final OwnRng own;
    private final int size;
    private final StepResult out;

    public Noise(Env env, double stdNoise) {
        super(Guards.checked("Noise", env, () -> {
            if (!(stdNoise >= 0) || Double.isInfinite(stdNoise)) {
                throw new ParameterException("std_noise", "std_noise of Noise must be a finite number >= 0, got " + stdNoise);
            }
        }));
        this.std = stdNoise;
        this.own = new OwnRng(env);
        this.size = ((Box) trialEnv.observationSpace()).size();
        this.out = new StepResult(((Box) env.observationSpace()).size(), Results.actionSize(env.actionSpace()));
    }

    public Noise(Env env, Params params) {
        this(env, params.getDouble("std_noise"));
    }

    /** The standard deviation of the noise. */
    public double stdNoise() {
        return std;
    }

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Trial t = trialEnv.newTrial(kwargs);
        if (std > 0) {
            float[] ob = trialEnv.trialObservations();
            int n = trialEnv.trialLength() * size;
            for (int i = 0; i < n; i++) ob[i] += (float) (own.rng.gaussian() * std);
        }
        return t;
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

    @Override
    public StepResult step(int action) {
        return noisy(env.step(action));
    }

    @Override
    public StepResult step(float[] action) {
        return noisy(env.step(action));
    }

    /** A task that wrote its observation itself bypassed the matrix: add the noise here instead. */
    private StepResult noisy(StepResult inner) {
        if (!inner.observationProvided() || std == 0) return inner;
        out.copyFrom(inner);
        float[] ob = out.observation();
        for (int i = 0; i < ob.length; i++) ob[i] += (float) (own.rng.gaussian() * std);
        return out;
    }
}
