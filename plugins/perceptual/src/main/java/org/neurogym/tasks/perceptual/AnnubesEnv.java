package org.neurogym.tasks.perceptual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The ANNUBES family of sensory detection tasks: after fixation, a stimulus of one modality (or
 * modality combination) may appear, or none on catch trials; the agent responds throughout the
 * stimulus period when a stimulus is present and withholds otherwise.
 */
public final class AnnubesEnv extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("AnnubesEnv-v0")
            .family("perceptual")
            .description("Configurable detection task. Each trial is a fixation period, a stimulus period signalled by "
                    + "a start input, and an inter-trial interval. Unless the trial is a catch trial, one modality of "
                    + "the session (one input each, drawn by its relative weight, optionally never more than "
                    + "max_sequential times in a row) is on with a random intensity and noise during the stimulus "
                    + "period. The ground truth is the response action during the stimulus period of stimulus trials "
                    + "and fixation everywhere else; every stimulus step is rewarded by whether it matches.")
            .params(new ParamSpec("session", ParamType.ANY, defaultSession(),
                            "Table of trial types (modality names, e.g. v, a, or av for a combination) to their relative "
                                    + "frequencies; each type gets its own input."),
                    ParamSpec.numbers("stim_intensities", new double[] {0.8, 0.9, 1.0},
                            "Possible intensities of a present stimulus."),
                    ParamSpec.number("stim_time", 1000, "Duration of the stimulus period in ms."),
                    ParamSpec.number("catch_prob", 0.5, "Probability of a catch trial (no stimulus), in [0, 1]."),
                    ParamSpec.optional("max_sequential", ParamType.INTEGER,
                            "Maximum number of consecutive trials of the same modality (catch trials excluded), "
                                    + "at least 1; unset (the default, as in the reference) sets no maximum."),
                    ParamSpec.number("fix_intensity", 0, "Value of the fixation input during the fixation period."),
                    new ParamSpec("fix_time", ParamType.ANY, 500,
                            "Fixation duration in ms: a number, a list to choose from, or [distribution, args]."),
                    new ParamSpec("iti", ParamType.ANY, 0,
                            "Inter-trial interval in ms, in the same forms as fix_time."),
                    ParamSpec.dt(100),
                    ParamSpec.number("tau", 100, "Time constant in ms, which scales the input noise."),
                    ParamSpec.numbers("output_behavior", new double[] {0, 1},
                            "Values of the behavioural output; one action each, the first being fixation."),
                    ParamSpec.number("noise_std", 0.01, "Standard deviation of the input noise."),
                    ParamSpec.rewards(),
                    ParamSpec.optional("random_seed", ParamType.INTEGER,
                            "When set (>= 0), every episode's draws restart from this seed, whatever seed reset() "
                                    + "was given; unset (the default, as in the reference): draws follow the env's seed."))
            .build(AnnubesEnv::new);

    private static Map<String, Object> defaultSession() {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("v", 0.5);
        session.put("a", 0.5);
        return Collections.unmodifiableMap(session);
    }

    private final String[] modalities;
    private final double[] weights;
    private final double[] stimIntensities;
    private final double catchProb;
    private final int maxSequential; // 0: no maximum (max_sequential not set)
    private final double fixIntensity;
    private final double noiseFactor;
    private final long randomSeed; // -1: draws follow the env's seed (random_seed not set)

    private int sequentialCount = 1;
    private int lastModality = -1;
    private final int[] available;

    public AnnubesEnv(Params p) {
        super(p);
        Map<String, Double> session = readSession(p.get("session"));
        modalities = session.keySet().toArray(String[]::new);
        weights = new double[modalities.length];
        double total = 0;
        for (double w : session.values()) total += w;
        for (int i = 0; i < modalities.length; i++) weights[i] = session.get(modalities[i]) / total;
        available = new int[modalities.length];

        stimIntensities = p.getDoubles("stim_intensities");
        if (stimIntensities.length == 0) throw new ParameterException("stim_intensities", "stim_intensities needs at least one value");
        catchProb = p.getDouble("catch_prob");
        if (!(catchProb >= 0 && catchProb <= 1)) throw new ParameterException("catch_prob", "catch_prob must be in [0, 1], got " + catchProb);
        if (p.isSet("max_sequential")) {
            maxSequential = p.getInt("max_sequential");
            if (maxSequential < 1) {
                throw new ParameterException("max_sequential", "max_sequential must be >= 1 (leave it unset for no maximum), got " + maxSequential);
            }
        } else {
            maxSequential = 0;
        }
        fixIntensity = p.getDouble("fix_intensity");
        double tau = p.getDouble("tau");
        if (!(tau > 0)) throw new ParameterException("tau", "tau must be positive, got " + tau);
        double noiseStd = p.getDouble("noise_std");
        if (!(noiseStd >= 0)) throw new ParameterException("noise_std", "noise_std must be >= 0, got " + noiseStd);
        double alpha = dt / tau;
        noiseFactor = noiseStd * Math.sqrt(2 * alpha) / alpha;
        double[] outputBehavior = p.getDoubles("output_behavior");
        if (outputBehavior.length < 2) {
            throw new ParameterException("output_behavior", "output_behavior needs at least two values (fixation and response)");
        }
        if (p.isSet("random_seed")) {
            randomSeed = p.getInt("random_seed");
            if (randomSeed < 0) {
                throw new ParameterException("random_seed", "random_seed must be >= 0 (leave it unset to follow the env's seed), got " + randomSeed);
            }
        } else {
            randomSeed = -1;
        }

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

    private static Map<String, Double> readSession(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new ParameterException("session", "session must be a non-empty table of trial types to relative frequencies, got " + value);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.isBlank() || key.equals("fixation") || key.equals("start")) {
                throw new ParameterException("session." + key, "trial type '" + key + "' is blank or clashes with the fixation/start inputs");
            }
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
                throw new ParameterException("session." + key, "the frequency of trial type '" + key + "' must be a number >= 0, got " + e.getValue());
            }
            out.put(key, n.doubleValue());
            total += n.doubleValue();
        }
        if (!(total > 0)) throw new ParameterException("session", "the session's frequencies must not all be 0");
        return out;
    }

    /** A new episode restarts the modality history, and the stream when random_seed is set. */
    @Override
    protected void onReset() {
        if (randomSeed >= 0) rng.reseed(randomSeed);
        sequentialCount = 1;
        lastModality = -1;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        addPeriods("fixation", "stimulus", "iti");

        addOb(fixIntensity, "fixation", "fixation");
        addOb(1, "stimulus", "start");

        boolean isCatch = rng.uniform() < catchProb;
        int modality = -1;
        double value = Double.NaN;
        setGroundTruth(0);
        if (!isCatch) {
            if (modalities.length == 1) {
                modality = 0;
            } else if (maxSequential > 0 && sequentialCount >= maxSequential) {
                // too many in a row: any other modality, uniformly
                int n = 0;
                for (int i = 0; i < modalities.length; i++) if (i != lastModality) available[n++] = i;
                modality = available[rng.integer(n)];
            } else {
                modality = rng.weighted(weights);
            }
            sequentialCount = modality != lastModality ? 1 : sequentialCount + 1;
            lastModality = modality;

            value = rng.choice(stimIntensities);
            addOb(value, "stimulus", modalities[modality]);
            addRandn(0, noiseFactor, "stimulus", modalities[modality]);
            setGroundTruth(0, "stimulus", "choice");
        } else {
            sequentialCount = 1;
            lastModality = -1;
        }

        trial.put("catch", isCatch);
        trial.put("stim_type", isCatch ? null : modalities[modality]);
        trial.put("stim_value", isCatch ? null : value);
        trial.put("sequential_count", sequentialCount);
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
