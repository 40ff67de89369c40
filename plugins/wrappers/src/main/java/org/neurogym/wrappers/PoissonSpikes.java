package org.neurogym.wrappers;

import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.ObservationWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Rate-codes the observation into spikes, as BrainPy's cognitive datasets feed spiking networks:
 * every observation element becomes {@code n_neurons} Poisson units firing at
 * {@code max(0, baseline + gain * value)} Hz. Each step of {@code dt} ms is one time bin, where a
 * unit spikes (1) with probability {@code rate * dt / 1000} (at most 1: rates above
 * {@code 1000 / dt} Hz saturate) and stays silent (0) otherwise. Spikes are drawn into the trial
 * matrix when the trial is built, from the wrapper's own stream, so datasets export the spikes the
 * agent sees. Element {@code i}'s units are elements {@code i * n_neurons .. (i + 1) * n_neurons - 1}
 * of the new observation, and every channel keeps its name over its units.
 */
public final class PoissonSpikes extends ObservationWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("PoissonSpikes").family("observation")
            .description("Rate-codes every observation element into n_neurons Poisson units firing at max(0, baseline + gain * value) Hz: "
                    + "in each step of dt ms a unit spikes (1) with probability rate * dt / 1000 (saturating at 1), else 0. Spikes are "
                    + "drawn into the trial matrices (datasets export them) from the wrapper's own seeded stream; channels keep their "
                    + "names, each element widened to its n_neurons units.")
            .paper("BrainPy cognitive datasets", "https://brainpy.readthedocs.io/")
            .params(ParamSpec.integer("n_neurons", 1, "Poisson units per observation element.").min(1),
                    ParamSpec.number("gain", 5, "Firing rate in Hz per unit of observation value (5 Hz: a value of 1 spikes in half the 100 ms steps).").min(0),
                    ParamSpec.number("baseline", 0, "Firing rate in Hz at observation value 0 (rates below 0 are clipped to 0)."))
            .accepts(Accepts.TRIAL_BASED)
            .build(PoissonSpikes::new);

    private final int neurons;
    private final double gain;
    private final double baseline;
    /** Spike probability per step per Hz: dt / 1000. */
    private final double perHz;

    public PoissonSpikes(Env env, int neurons, double gain, double baseline) {
        super(env);
        this.neurons = neurons;
        this.gain = gain;
        this.baseline = baseline;
        this.perHz = env.dt() / 1000.0;
        replaceSpace(widened((Box) env.observationSpace(), neurons));
    }

    public PoissonSpikes(Env env, Params params) {
        this(env, params.getInt("n_neurons"), params.getDouble("gain"), params.getDouble("baseline"));
    }

    /** A 0/1 space with {@code neurons} units per element of {@code inner}, each channel over its elements' units. */
    private static Box widened(Box inner, int neurons) {
        Map<String, int[]> channels = inner.channels();
        Channel[] out = new Channel[channels.size()];
        int k = 0;
        for (Map.Entry<String, int[]> c : channels.entrySet()) {
            int[] units = new int[c.getValue().length * neurons];
            int u = 0;
            for (int element : c.getValue()) for (int n = 0; n < neurons; n++) units[u++] = element * neurons + n;
            out[k++] = new Channel(c.getKey(), units);
        }
        return Box.of(inner.size() * neurons, 0, 1, out);
    }

    /** The firing rate in Hz of the units of an element of value {@code value}. */
    public double rateHz(double value) {
        return Math.max(0, baseline + gain * value);
    }

    /** The probability that a unit of an element of value {@code value} spikes in one step. */
    public double spikeProbability(double value) {
        return Math.min(1, rateHz(value) * perHz);
    }

    public int neurons() {
        return neurons;
    }

    @Override
    protected void recode(float[] in, int inAt, float[] out, int outAt, int step) {
        int o = outAt;
        for (int i = inAt; i < inAt + innerSize(); i++) {
            double p = spikeProbability(in[i]);
            for (int n = 0; n < neurons; n++) out[o++] = rng().uniform() < p ? 1f : 0f;
        }
    }
}
