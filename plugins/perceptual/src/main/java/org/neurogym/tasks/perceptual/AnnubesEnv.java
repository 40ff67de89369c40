package org.neurogym.tasks.perceptual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * The ANNUBES family of sensory detection tasks, as neurogym 2.3.0 defines it: after fixation, a
 * stimulus made of one or several modalities at once (e.g. {@code a+v}, audio-visual) may appear,
 * or nothing on catch trials; the agent responds throughout the stimulus period when a stimulus
 * is present and withholds otherwise. {@code max_sequential} limits how many trials in a row may
 * show a modality (or be catch trials).
 */
public final class AnnubesEnv extends TrialEnv {

    /** The reserved name of catch trials (in max_sequential and the sequential counts). */
    static final String CATCH = "catch";
    /** Below this (or above 1 minus it) a catch probability counts as 0 (or 1) when checking max_sequential. */
    private static final double CATCH_EPSILON = 1e-6;

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("AnnubesEnv-v0")
            .family("perceptual")
            .tags("n-alternative", "perceptual", "supervised")
            .description("Configurable detection task (neurogym 2.3.0). Each trial is a fixation period, a stimulus period "
                    + "signalled by a start input, and an inter-trial interval. A catch trial (catch_prob) shows nothing; "
                    + "otherwise a stimulus of the session, drawn by its relative weight, shows each of its modalities "
                    + "(one input each; 'a+v' names a stimulus of two modalities at once) with a random intensity and "
                    + "noise during the stimulus period, unless max_sequential forbids it. The ground truth is the "
                    + "response action during the stimulus period of stimulus trials and fixation everywhere else; every "
                    + "stimulus step is rewarded by whether it matches.")
            .params(new ParamSpec("session", ParamType.ANY, defaultSession(),
                            "Table of stimuli to their relative frequencies among non-catch trials: a modality name "
                                    + "(e.g. v, a) or several joined by '+' (a+v: shown together). Each modality gets its "
                                    + "own input; 'catch' is reserved."),
                    ParamSpec.number("catch_prob", 0.5, "Probability of a catch trial (no stimulus).").range(0, 1),
                    new ParamSpec("intensities", ParamType.ANY, List.of(0.8, 0.9, 1.0),
                            "Possible intensities of a shown modality: a list for every modality, or a table of "
                                    + "modality to its list."),
                    ParamSpec.number("stim_time", 1000, "Duration of the stimulus period in ms."),
                    ParamSpec.optional("max_sequential", ParamType.ANY,
                            "Maximum number of consecutive trials showing a modality: an integer >= 1 for every modality "
                                    + "(not catch trials), or a table of modality (or 'catch') to its maximum; unset: "
                                    + "no maximum."),
                    ParamSpec.number("fix_intensity", 0, "Value of the fixation input during the fixation period."),
                    new ParamSpec("fix_time", ParamType.ANY, 500,
                            "Fixation duration in ms: a number, a list to choose from, or [distribution, args]."),
                    new ParamSpec("iti", ParamType.ANY, 0,
                            "Inter-trial interval in ms, in the same forms as fix_time."),
                    ParamSpec.dt(100),
                    ParamSpec.number("tau", 100, "Time constant in ms, which scales the input noise.").positive(),
                    ParamSpec.numbers("output_behavior", new double[] {0, 1},
                            "Values of the behavioural output; one action each, the first being fixation.").minLength(2),
                    ParamSpec.number("noise_std", 0.01, "Standard deviation of the input noise.").min(0),
                    ParamSpec.rewards(),
                    ParamSpec.optional("random_seed", ParamType.INTEGER,
                            "When set, each episode's draws restart from a stream fixed by this seed (see "
                                    + "frozen_seed); unset: draws follow the env's seed.").min(0),
                    ParamSpec.bool("frozen_seed", false,
                            "With random_seed: true restarts every episode (every copy, every dataset row) from "
                                    + "random_seed itself; false derives each episode's stream from random_seed and the "
                                    + "episode's seed, so copies reset with different seeds differ, reproducibly."))
            .build(AnnubesEnv::new);

    private static Map<String, Object> defaultSession() {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("v", 0.5);
        session.put("a", 0.5);
        return Collections.unmodifiableMap(session);
    }

    /** The modalities, sorted (the order of their inputs, from index 2). */
    private final String[] modalities;
    /** The stimuli, each a sorted list of modality indices, in the reference's order; and their probabilities. */
    private final int[][] stimuli;
    private final double[] stimulusProbs;
    /** Intensities per modality. */
    private final double[][] intensities;
    private final double catchProb;
    /** Per modality, then catch (last): the maximum run, 0 for none; and the current run. */
    private final int[] maxSequential;
    private final int[] sequentialCount;
    private final double fixIntensity;
    private final double noiseFactor;
    private final long randomSeed; // -1: draws follow the env's seed (random_seed not set)
    private final boolean frozenSeed;
    /** Scratch: the weight of each option (the stimuli, then catch) for the current trial. */
    private final double[] optionWeights;

    public AnnubesEnv(Params p) {
        super(p);
        Map<List<String>, Double> session = readSession(p.get("session"));
        TreeSet<String> names = new TreeSet<>();
        session.keySet().forEach(names::addAll);
        modalities = names.toArray(String[]::new);
        List<String> order = List.of(modalities);
        stimuli = new int[session.size()][];
        stimulusProbs = new double[session.size()];
        int k = 0;
        for (Map.Entry<List<String>, Double> e : session.entrySet()) {
            stimuli[k] = e.getKey().stream().mapToInt(order::indexOf).toArray();
            stimulusProbs[k++] = e.getValue();
        }
        optionWeights = new double[stimuli.length + 1];

        intensities = readIntensities(p.get("intensities"), modalities);
        catchProb = p.getDouble("catch_prob");
        maxSequential = readMaxSequential(p.isSet("max_sequential") ? p.get("max_sequential") : null, order);
        sequentialCount = new int[modalities.length + 1];
        checkSatisfiable();
        fixIntensity = p.getDouble("fix_intensity");
        double tau = p.getDouble("tau");
        double noiseStd = p.getDouble("noise_std");
        double alpha = dt / tau;
        noiseFactor = noiseStd * Math.sqrt(2 * alpha) / alpha;
        double[] outputBehavior = p.getDoubles("output_behavior");
        randomSeed = p.isSet("random_seed") ? p.getInt("random_seed") : -1;
        frozenSeed = p.getBoolean("frozen_seed");

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(null, "fixation", timing(p, "fix_time"), "stimulus", timing(p, "stim_time"), "iti", timing(p, "iti"));

        List<Channel> obs = new ArrayList<>(List.of(Channel.of("fixation", 0), Channel.of("start", 1)));
        for (int i = 0; i < modalities.length; i++) obs.add(Channel.of(modalities[i], 2 + i));
        defineSpaces(Box.unbounded(obs.size(), obs.toArray(Channel[]::new)),
                new Discrete(outputBehavior.length, Channel.of("fixation", 0), Channel.range("choice", 1, outputBehavior.length)));
        onReset(); // trials made before any reset start a fresh history (and stream) too
    }

    private static Timing timing(Params p, String key) {
        try {
            return Timing.parse(p.get(key), key);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(key, e.getMessage());
        }
    }

    /**
     * The session as the reference prepares it: each stimulus a sorted list of modalities, with its
     * probability normalised over the session; a modality met only inside a combination is added as
     * a stimulus of its own with probability 0, before the combination (the order the draws follow).
     */
    private static Map<List<String>, Double> readSession(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new ParameterException("session", "session must be a non-empty table of stimuli to relative frequencies, got " + value);
        }
        double total = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
                throw new ParameterException("session." + key, "the frequency of stimulus '" + key + "' must be a number >= 0, got " + e.getValue());
            }
            total += n.doubleValue();
        }
        if (!(total > 0)) throw new ParameterException("session", "the session's frequencies must not all be 0");
        Map<List<String>, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            TreeSet<String> parts = new TreeSet<>();
            for (String part : key.split("\\+", -1)) {
                String m = part.strip();
                if (m.isEmpty() || m.equals("fixation") || m.equals("start") || m.equalsIgnoreCase(CATCH)) {
                    throw new ParameterException("session." + key, "stimulus '" + key + "' names a blank modality or one that clashes "
                            + "with the fixation/start inputs or the reserved 'catch'");
                }
                parts.add(m);
            }
            for (String m : parts) out.putIfAbsent(List.of(m), 0.0);
            out.put(List.copyOf(parts), ((Number) e.getValue()).doubleValue() / total);
        }
        return out;
    }

    private static double[][] readIntensities(Object value, String[] modalities) {
        double[][] out = new double[modalities.length][];
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!List.of(modalities).contains(String.valueOf(key))) {
                    throw new ParameterException("intensities." + key, "intensities names '" + key + "', which is not a modality of the session "
                            + List.of(modalities));
                }
            }
            for (int i = 0; i < modalities.length; i++) {
                if (!map.containsKey(modalities[i])) {
                    throw new ParameterException("intensities", "intensities gives no values for modality '" + modalities[i] + "'");
                }
                out[i] = numbers(map.get(modalities[i]), "intensities." + modalities[i]);
            }
        } else {
            double[] all = numbers(value, "intensities");
            for (int i = 0; i < modalities.length; i++) out[i] = all;
        }
        return out;
    }

    private static double[] numbers(Object value, String key) {
        List<?> list = value instanceof List<?> l ? l : value instanceof double[] a ? java.util.Arrays.stream(a).boxed().toList() : null;
        if (list == null || list.isEmpty() || !list.stream().allMatch(x -> x instanceof Number n && Double.isFinite(n.doubleValue()))) {
            throw new ParameterException(key, key + " must be a non-empty list of finite numbers, got " + value);
        }
        return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    /** Per modality (then catch, last): the maximum run, 0 for none. */
    private static int[] readMaxSequential(Object value, List<String> modalities) {
        int[] out = new int[modalities.size() + 1];
        if (value == null) return out;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                int i = key.equals(CATCH) ? modalities.size() : modalities.indexOf(key);
                if (i < 0) {
                    throw new ParameterException("max_sequential." + key, "max_sequential names '" + key + "', which is neither a modality "
                            + modalities + " nor 'catch'");
                }
                out[i] = atLeastOne(e.getValue(), "max_sequential." + key);
            }
        } else {
            java.util.Arrays.fill(out, 0, modalities.size(), atLeastOne(value, "max_sequential"));
        }
        return out;
    }

    private static int atLeastOne(Object value, String key) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1) {
            throw new ParameterException(key, key + " must be an integer >= 1 (leave it out for no maximum), got " + value);
        }
        return n.intValue();
    }

    /** The reference's satisfiability check of max_sequential, for catch probabilities of (nearly) 0 or 1. */
    private void checkSatisfiable() {
        boolean limited = false;
        for (int m : maxSequential) limited |= m > 0;
        if (!limited || (catchProb >= CATCH_EPSILON && catchProb <= 1 - CATCH_EPSILON)) return;
        int catchIndex = modalities.length;
        if (catchProb > 1 - CATCH_EPSILON) {
            if (maxSequential[catchIndex] > 0) {
                throw new ParameterException("max_sequential", "max_sequential limits catch trials, but every trial is a catch trial");
            }
            return;
        }
        double[] modalityProb = new double[modalities.length];
        for (int s = 0; s < stimuli.length; s++) for (int m : stimuli[s]) modalityProb[m] += stimulusProbs[s];
        for (int m = 0; m < modalities.length; m++) {
            if (maxSequential[m] > 0 && Math.abs(modalityProb[m] - 1) < 1e-8) {
                throw new ParameterException("max_sequential", "max_sequential limits modality '" + modalities[m]
                        + "', which every trial shows (catch_prob " + catchProb + ")");
            }
        }
    }

    /** A new episode restarts the sequential counts, and the stream when random_seed is set. */
    @Override
    protected void onReset() {
        if (randomSeed >= 0) rng.reseed(frozenSeed ? randomSeed : Rng.derive(randomSeed, rng.integer(Integer.MAX_VALUE)));
        java.util.Arrays.fill(sequentialCount, 0);
    }

    @Override
    protected void onNewTrial(Trial trial) {
        addPeriods("fixation", "stimulus", "iti");

        addOb(fixIntensity, "fixation", "fixation");
        addOb(1, "stimulus", "start");

        int option = drawOption();
        boolean isCatch = option == stimuli.length;
        int catchIndex = modalities.length;
        List<String> shown = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        setGroundTruth(0);
        if (isCatch) {
            java.util.Arrays.fill(sequentialCount, 0, catchIndex, 0);
            sequentialCount[catchIndex]++;
        } else {
            int[] stimulus = stimuli[option];
            for (int m = 0; m <= catchIndex; m++) sequentialCount[m] = contains(stimulus, m) ? sequentialCount[m] + 1 : 0;
            for (int m : stimulus) values.put(modalities[m], rng.choice(intensities[m]));
            for (int m : stimulus) {
                shown.add(modalities[m]);
                addOb(values.get(modalities[m]), "stimulus", modalities[m]);
                addRandn(0, noiseFactor, "stimulus", modalities[m]);
            }
            setGroundTruth(0, "stimulus", "choice");
        }

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int m = 0; m < catchIndex; m++) counts.put(modalities[m], sequentialCount[m]);
        counts.put(CATCH, sequentialCount[catchIndex]);
        trial.put("catch", isCatch);
        trial.put("stim_types", List.copyOf(shown));
        trial.put("stim_values", Collections.unmodifiableMap(values));
        trial.put("sequential_count", Collections.unmodifiableMap(counts));
    }

    /** The stimulus index of the trial, or {@code stimuli.length} for a catch trial, among those max_sequential allows. */
    private int drawOption() {
        double total = 0;
        for (int s = 0; s < stimuli.length; s++) {
            boolean allowed = true;
            for (int m : stimuli[s]) allowed &= maxSequential[m] == 0 || sequentialCount[m] < maxSequential[m];
            optionWeights[s] = allowed ? (1 - catchProb) * stimulusProbs[s] : 0;
            total += optionWeights[s];
        }
        int catchIndex = modalities.length;
        boolean catchAllowed = catchProb > 0 && (maxSequential[catchIndex] == 0 || sequentialCount[catchIndex] < maxSequential[catchIndex]);
        optionWeights[stimuli.length] = catchAllowed ? catchProb : 0;
        total += optionWeights[stimuli.length];
        if (!(total > 0)) {
            throw new NeuroGymException(name() + ": max_sequential leaves no stimulus (and no catch trial) that can be shown next");
        }
        return rng.weighted(optionWeights);
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) if (x == v) return true;
        return false;
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation") || inPeriod("iti")) {
            if (action != 0) out.addReward(reward("abort"));
        } else if (inPeriod("stimulus")) {
            if (action == gtNow()) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(reward("fail"));
            }
        }
    }
}
