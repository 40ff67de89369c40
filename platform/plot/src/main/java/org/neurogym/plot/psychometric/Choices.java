package org.neurogym.plot.psychometric;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.space.Discrete;

/**
 * Choices against signed evidence, trial by trial: the evidence is a trial fact (e.g. {@code coh})
 * signed by the correct side (another fact, e.g. {@code ground_truth}: side 1 positive, side 0
 * negative); the choice is 1 when the trial's last choice was the second option of the action
 * space's {@code choice} channel, 0 for the first. Trials without a choice are left out.
 */
public record Choices(String task, double[] evidence, double[] choices, int trials, int withoutChoice) {

    /** Runs {@code trials} trials of {@code env} with {@code agent} and collects their choices. */
    public static Choices collect(Env env, Agent agent, long seed, int trials, String evidenceFact, String sideFact) {
        if (trials <= 0) throw new IllegalArgumentException("trials must be positive, got " + trials);
        TrialBased tb = TrialBased.nearest(env);
        if (tb == null) throw new NeuroGymException(env.name() + " is not trial-based: no trial facts to plot against");
        if (!(env.actionSpace() instanceof Discrete d) || d.channels().get("choice") == null
                || d.channels().get("choice").length != 2) {
            throw new NeuroGymException(env.name() + ": a psychometric curve needs a discrete action space with a two-option "
                    + "'choice' channel, got " + env.actionSpace());
        }
        int[] options = d.channels().get("choice");
        double[] x = new double[trials];
        double[] y = new double[trials];
        int used = 0;
        int skipped = 0;
        float[] ob = env.reset(seed);
        Trial trial = tb.trial();
        int choice = -1;
        long steps = 0;
        long maxSteps = (long) trials * 100_000L;
        int ended = 0;
        while (ended < trials) {
            if (++steps > maxSteps) {
                throw new NeuroGymException(env.name() + ": only " + ended + " of " + trials + " trials ended; does the agent ever end a trial?");
            }
            int a = agent.act(ob);
            if (a == options[0]) choice = 0;
            else if (a == options[1]) choice = 1;
            StepResult r = env.step(a);
            if (r.newTrial()) {
                ended++;
                if (choice >= 0) {
                    x[used] = signedEvidence(env, trial, evidenceFact, sideFact);
                    y[used] = choice;
                    used++;
                } else {
                    skipped++;
                }
                trial = tb.trial();
                choice = -1;
            }
            ob = r.observation();
        }
        return new Choices(env.name(), Arrays.copyOf(x, used), Arrays.copyOf(y, used), trials, skipped);
    }

    private static double signedEvidence(Env env, Trial trial, String evidenceFact, String sideFact) {
        if (!trial.has(evidenceFact) || !trial.has(sideFact)) {
            throw new NeuroGymException(env.name() + ": trials have no '" + (trial.has(evidenceFact) ? sideFact : evidenceFact)
                    + "' fact (facts: " + trial.asMap().keySet() + "); name others with --evidence and --side");
        }
        int side = trial.getInt(sideFact);
        if (side != 0 && side != 1) {
            throw new NeuroGymException(env.name() + ": the side fact '" + sideFact + "' must be 0 or 1, got " + side
                    + " (a psychometric curve needs two alternatives)");
        }
        double e = Math.abs(trial.getDouble(evidenceFact));
        if (e == 0) return 0.0; // one level at zero, not a +0 and a -0
        return side == 1 ? e : -e;
    }

    /** Choice rate per evidence level: {@code x -> {n, P(choice 1), standard error}}. */
    public Map<Double, double[]> byLevel() {
        Map<Double, double[]> out = new TreeMap<>();
        for (int i = 0; i < evidence.length; i++) {
            double[] g = out.computeIfAbsent(evidence[i], k -> new double[3]);
            g[0]++;
            g[1] += choices[i];
        }
        for (double[] g : out.values()) {
            double p = g[1] / g[0];
            g[1] = p;
            g[2] = Math.sqrt(p * (1 - p) / g[0]);
        }
        return out;
    }

    public Probit.Fit fit() {
        return Probit.fit(evidence, choices);
    }
}
