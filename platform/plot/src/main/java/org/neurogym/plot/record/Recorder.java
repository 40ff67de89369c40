package org.neurogym.plot.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;

/** Runs an env with an agent and records every step, for the trials figure (the reference's {@code run_env}). */
public final class Recorder {
    /** Gives up a trials-limited recording after this many steps, in case no trial ever ends. */
    public static final int MAX_STEPS = 100_000;

    private Recorder() {}

    /** Records until {@code trials} trials have ended (or {@link #MAX_STEPS}). */
    public static Recording trials(Env env, Agent agent, long seed, int trials) {
        if (trials <= 0) throw new IllegalArgumentException("trials must be positive, got " + trials);
        return record(env, agent, seed, trials, MAX_STEPS);
    }

    /** Records {@code steps} steps. */
    public static Recording steps(Env env, Agent agent, long seed, int steps) {
        if (steps <= 0) throw new IllegalArgumentException("steps must be positive, got " + steps);
        if (steps > MAX_STEPS) throw new IllegalArgumentException("steps must be at most " + MAX_STEPS + ", got " + steps);
        return record(env, agent, seed, 0, steps);
    }

    private static Recording record(Env env, Agent agent, long seed, int trialLimit, int stepLimit) {
        if (!(env.observationSpace() instanceof Box obSpace) || obSpace.shape().length != 1) {
            throw new NeuroGymException(env.name() + ": only 1-D observation spaces can be plotted, got " + env.observationSpace());
        }
        Space actionSpace = env.actionSpace();
        boolean discrete = actionSpace instanceof Discrete;
        int obSize = obSpace.size();
        int actSize = discrete ? 1 : ((Box) actionSpace).size();
        TrialBased trials = TrialBased.nearest(env);

        FloatList obs = new FloatList();
        FloatList acts = new FloatList();
        FloatList gts = new FloatList();
        List<Double> rewards = new ArrayList<>();
        List<Double> perf = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Recording.Span> spans = new ArrayList<>();
        float[] gtRow = new float[actSize];

        float[] ob = env.reset(seed);
        starts.add(0);
        List<Recording.Span> open = periodsOf(trials, 0, 0);
        int ended = 0;
        int t = 0;
        while (trialLimit > 0 ? ended < trialLimit && t < stepLimit : t < stepLimit) {
            obs.add(ob);
            StepResult r;
            if (discrete) {
                int a = agent.act(ob);
                acts.add(a);
                r = env.step(a);
            } else {
                float[] a = agent.actContinuous(ob);
                acts.add(a);
                r = env.step(a);
            }
            if (r.hasGroundTruth()) {
                if (discrete) gtRow[0] = r.groundTruth();
                else System.arraycopy(r.groundTruthVector(), 0, gtRow, 0, actSize);
            } else {
                Arrays.fill(gtRow, Float.NaN);
            }
            gts.add(gtRow);
            rewards.add(r.reward());
            t++;
            if (r.newTrial()) {
                perf.add(r.performance());
                ended++;
                close(open, t, spans);
                if (trialLimit == 0 || ended < trialLimit) {
                    starts.add(t);
                    open = periodsOf(trials, starts.size() - 1, t);
                } else {
                    open = List.of();
                }
            } else {
                perf.add(Double.NaN);
            }
            ob = r.observation();
        }
        if (trialLimit > 0 && ended < trialLimit) {
            throw new NeuroGymException(env.name() + ": only " + ended + " of " + trialLimit + " trials ended in " + t
                    + " steps; does the agent ever end a trial?");
        }
        close(open, t, spans);

        Map<String, Double> levels = new LinkedHashMap<>();
        TrialEnv task = trials == null ? null : trials.task();
        if (task != null) levels.putAll(task.rewards());
        return new Recording(env.name(), env.dt(), t, names(obSpace.channels(), obSize, "ob"), obs.toArray(),
                discrete ? names(actionSpace.channels(), ((Discrete) actionSpace).n(), "action")
                        : names(actionSpace.channels(), actSize, "action"),
                discrete, acts.toArray(), gts.toArray(), toArray(rewards), toArray(perf),
                starts.stream().mapToInt(Integer::intValue).toArray(), spans, levels);
    }

    /** The periods of the trial just started, offset to the recording's steps (left open at their planned ends). */
    private static List<Recording.Span> periodsOf(TrialBased trials, int trial, int offset) {
        if (trials == null) return List.of();
        TrialEnv task = trials.task();
        List<Recording.Span> out = new ArrayList<>();
        for (String p : task.periods()) {
            int s = task.periodStart(p);
            int e = task.periodEnd(p);
            if (e > s) out.add(new Recording.Span(p, trial, offset + s, offset + e));
        }
        return out;
    }

    /** Clips the open trial's periods at {@code end} (an early end, e.g. a broken fixation) and keeps what is left. */
    private static void close(List<Recording.Span> open, int end, List<Recording.Span> spans) {
        for (Recording.Span s : open) {
            if (s.start() >= end) continue;
            spans.add(new Recording.Span(s.period(), s.trial(), s.start(), Math.min(s.end(), end)));
        }
    }

    /** A label per index: {@code fixation}, {@code stimulus[0]}, ..., or {@code prefix i} for unnamed ones. */
    public static List<String> names(Map<String, int[]> channels, int size, String prefix) {
        String[] out = new String[size];
        for (Map.Entry<String, int[]> e : channels.entrySet()) {
            int[] idx = e.getValue();
            for (int j = 0; j < idx.length; j++) {
                if (idx[j] >= 0 && idx[j] < size && out[idx[j]] == null) {
                    out[idx[j]] = idx.length == 1 ? e.getKey() : e.getKey() + "[" + j + "]";
                }
            }
        }
        for (int i = 0; i < size; i++) if (out[i] == null) out[i] = prefix + " " + i;
        return List.of(out);
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** A growable float array (recording is not a hot path, but boxing every value would be wasteful). */
    private static final class FloatList {
        private float[] data = new float[256];
        private int size;

        void add(float v) {
            ensure(1);
            data[size++] = v;
        }

        void add(float[] v) {
            ensure(v.length);
            System.arraycopy(v, 0, data, size, v.length);
            size += v.length;
        }

        private void ensure(int extra) {
            if (size + extra > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
