package org.neurogym.plot.psychometric;

import java.util.Map;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Rng;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;

/**
 * A deliberately imperfect observer for two-alternative tasks: it fixates while a stimulus is
 * shown (or the fixation cue is on), keeps the last {@code window} samples of the noisy evidence
 * (the second stimulus channel minus the first), and once the stimulus is gone and the cue off
 * chooses the side the sum of those samples favours; the next stimulus starts a new trial.
 * With a window of one sample, its accuracy follows the stimulus noise, so its psychometric curve
 * has a finite slope (for PerceptualDecisionMaking, about {@code 1 / (100 sigma sqrt 2 / sqrt dt)}
 * per coherence unit); longer windows integrate more and steepen it by {@code sqrt(window)}.
 *
 * <p>Needs an observation {@code fixation} channel and a {@code stimulus} channel of at least two
 * indices, and action {@code fixation} and {@code choice} channels (two choices).
 */
public final class ThresholdAgent implements Agent {
    private final int fixationOb;
    private final int stimulus0;
    private final int stimulus1;
    private final int fixate;
    private final int choice0;
    private final int choice1;
    private final double[] samples;
    private final Rng rng;
    private int count;
    private int next;
    private boolean decided;

    public ThresholdAgent(Space observationSpace, Space actionSpace, int window, long seed) {
        if (window <= 0) throw new IllegalArgumentException("the threshold agent's window must be positive, got " + window);
        if (!(observationSpace instanceof Box ob) || !(actionSpace instanceof Discrete act)) {
            throw new NeuroGymException("the threshold agent needs a Box observation and a Discrete action space");
        }
        fixationOb = single(ob.channels(), "fixation", "observation");
        int[] stim = channel(ob.channels(), "stimulus", "observation", 2);
        stimulus0 = stim[0];
        stimulus1 = stim[1];
        fixate = single(act.channels(), "fixation", "action");
        int[] choice = channel(act.channels(), "choice", "action", 2);
        choice0 = choice[0];
        choice1 = choice[1];
        samples = new double[window];
        rng = new Rng(seed);
    }

    private static int single(Map<String, int[]> channels, String name, String what) {
        return channel(channels, name, what, 1)[0];
    }

    private static int[] channel(Map<String, int[]> channels, String name, String what, int min) {
        int[] idx = channels.get(name);
        if (idx == null || idx.length < min) {
            throw new NeuroGymException("the threshold agent needs an " + what + " channel '" + name + "' with at least "
                    + min + " index(es); this task has " + channels.keySet());
        }
        return idx;
    }

    @Override
    public int act(float[] observation) {
        float s0 = observation[stimulus0];
        float s1 = observation[stimulus1];
        if (s0 != 0 || s1 != 0) {
            if (decided) {
                count = 0;
                next = 0;
                decided = false;
            }
            samples[next] = s1 - s0;
            next = (next + 1) % samples.length;
            count = Math.min(count + 1, samples.length);
            return fixate;
        }
        if (observation[fixationOb] > 0.5f || count == 0) return fixate;
        decided = true;
        double sum = 0;
        for (int i = 0; i < count; i++) sum += samples[i];
        if (sum > 0) return choice1;
        if (sum < 0) return choice0;
        return rng.integer(2) == 0 ? choice0 : choice1;
    }
}
