package org.neurogym.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.param.Suggestions;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;
import org.neurogym.api.timing.Timing;

/**
 * The base of every trial-based task: the reference NeuroGym's trial machinery.
 *
 * <p>A task declares its rewards, timing and spaces in its constructor, then describes each trial
 * in {@link #onNewTrial}: draw the trial's facts, add periods, write observations on named
 * channels, set the ground truth. {@link #onStep} judges one action. Everything else (time
 * keeping, the end of trials, the order in which a step reports) lives here, once.
 *
 * <p>Step order, as in the reference: the task judges the action; the step's ground truth is
 * recorded; time advances; a trial that ran out of time ends (adding {@code r_tmax}); an ended
 * trial reports its performance and the next trial is generated (by the top of the wrapper
 * stack); the observation returned is the one of the <em>next</em> step.
 *
 * <p>Trial matrices are flat primitive arrays, reused from trial to trial when large enough.
 */
public abstract class TrialEnv implements TrialBased {

    /** The time step in ms. */
    protected final double dt;

    /** The env's single random source; reseeded by {@link #reset(long)}. */
    protected Rng rng;

    /** The performance of the current trial, set by the task (1 for a correct trial); reported when it ends. */
    protected double performance;

    /** Reward added when a trial runs out of time without the task ending it (the reference's {@code r_tmax}). */
    protected double rTmax;

    private boolean seeded;
    private Map<String, Double> rewards = Map.of();
    private Map<String, Timing> timing = Map.of();
    private Box observationSpace;
    private Space actionSpace;
    private int obSize;
    private int actionSize; // 0 for discrete
    private StepResult result;

    // periods of the current trial, in steps
    private final Map<String, Integer> periodSlot = new HashMap<>();
    private final List<String> periodNames = new ArrayList<>();
    private int[] startSteps = new int[8];
    private int[] endSteps = new int[8];
    private int trialEndSteps;

    // trial matrices
    private float[] ob = new float[0];
    private byte[] frames; // the trial matrix instead of ob when observations are uint8 images, else null
    private int[] gt = new int[0];
    private float[] gtVector = new float[0];
    private boolean obBuilt;
    private boolean gtBuilt;
    private boolean hasGt;
    private double defaultObValue;

    private int tInd;
    private int numTrials;
    private Trial trial;
    private TrialBased top = this;

    protected TrialEnv(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) throw new ParameterException("dt", "dt must be a positive number of ms, got " + dt);
        this.dt = dt;
        this.rng = new Rng(0);
    }

    /** Reads {@code dt} from the task's parameters. */
    protected TrialEnv(Params params) {
        this(params.getDouble("dt"));
    }

    // ------------------------------------------------------------------ declaration (constructor)

    /**
     * Declares the task's rewards: {@code name, value} pairs, overridden by the {@code rewards}
     * parameter. A reward name the task does not know is an error naming it.
     */
    protected final void defineRewards(Params params, Object... defaults) {
        Map<String, Double> table = new LinkedHashMap<>();
        for (int i = 0; i < defaults.length; i += 2) table.put((String) defaults[i], ((Number) defaults[i + 1]).doubleValue());
        if (params != null && params.schema().containsKey("rewards")) {
            for (Map.Entry<String, Double> e : params.getRewards("rewards").entrySet()) {
                if (!table.containsKey(e.getKey())) {
                    throw new ParameterException("rewards." + e.getKey(), "unknown reward '" + e.getKey() + "' for "
                            + params.owner() + Suggestions.didYouMean(e.getKey(), table.keySet())
                            + " (known: " + String.join(", ", table.keySet()) + ")");
                }
                table.put(e.getKey(), e.getValue());
            }
        }
        this.rewards = Collections.unmodifiableMap(table);
    }

    /**
     * Declares the task's period timings: {@code period, timing} pairs (a number of ms, a
     * {@link Timing}, or any form {@link Timing#parse} reads), overridden by the {@code timing}
     * parameter. A period the task does not know is an error naming it.
     */
    protected final void defineTiming(Params params, Object... defaults) {
        Map<String, Timing> table = new LinkedHashMap<>();
        for (int i = 0; i < defaults.length; i += 2) {
            String period = (String) defaults[i];
            table.put(period, Timing.parse(defaults[i + 1], "timing." + period));
        }
        if (params != null && params.schema().containsKey("timing")) {
            for (Map.Entry<String, Timing> e : params.getTiming("timing").entrySet()) {
                if (!table.containsKey(e.getKey())) {
                    throw new ParameterException("timing." + e.getKey(), "unknown period '" + e.getKey() + "' in timing for "
                            + params.owner() + Suggestions.didYouMean(e.getKey(), table.keySet())
                            + " (known: " + String.join(", ", table.keySet()) + ")");
                }
                table.put(e.getKey(), e.getValue());
            }
        }
        this.timing = Collections.unmodifiableMap(table);
    }

    /**
     * Declares the spaces. Observations are a 1-D Box, or a uint8 image ({@link Box#uint8Image}),
     * whose trials are drawn into {@link #frames()}; actions a Discrete or a 1-D Box.
     */
    protected final void defineSpaces(Box observation, Space action) {
        boolean image = observation.dtype() == Box.DType.UINT8;
        if (!image && observation.shape().length != 1) throw new IllegalArgumentException("observation Box must be 1-D or a uint8 image");
        this.observationSpace = observation;
        this.actionSpace = action;
        this.obSize = observation.size();
        this.actionSize = action instanceof Box b ? b.size() : 0;
        this.frames = image ? new byte[0] : null;
        this.result = image ? StepResult.ofBytes(obSize, actionSize) : new StepResult(obSize, actionSize);
    }

    /** The value every observation starts from in a new trial (the reference's {@code _default_ob_value}; 0 by default). */
    protected final void setDefaultObValue(double value) {
        this.defaultObValue = value;
    }

    /** The declared rewards (after overrides). */
    public final Map<String, Double> rewards() {
        return rewards;
    }

    /** The declared period timings (after overrides). */
    public final Map<String, Timing> timing() {
        return timing;
    }

    /** The value of reward {@code name}. */
    protected final double reward(String name) {
        Double r = rewards.get(name);
        if (r == null) throw new NeuroGymException(name() + " has no reward '" + name + "'");
        return r;
    }

    // ------------------------------------------------------------------ the task's two duties

    /** Builds the trial: draw facts into {@code trial}, add periods, observations and ground truth. */
    protected abstract void onNewTrial(Trial trial);

    /** Called by reset before the episode's first trial, after reseeding: clear state kept across trials here. */
    protected void onReset() {}

    /** Judges a discrete action: set reward, {@code newTrial}, performance. Override in discrete tasks. */
    protected void onStep(int action, StepResult out) {
        throw new UnsupportedOperationException(name() + " takes continuous actions");
    }

    /** Judges a continuous action. Override in tasks with a Box action space. */
    protected void onStep(float[] action, StepResult out) {
        throw new UnsupportedOperationException(name() + " takes discrete actions");
    }

    /** Where breaking fixation is judged by {@link #judgeFixateThenDecide}. */
    protected enum FixationRule {
        /** Only during the "fixation" period. */
        FIXATION_PERIOD,
        /** At every step outside the "decision" period. */
        UNTIL_DECISION
    }

    private static final Double NO_REWARD = 0.0;

    /**
     * The judgement most forced-choice tasks share. Breaking fixation (a non-zero action where
     * {@code rule} says the agent must fixate) costs the "abort" reward and ends the trial when
     * {@code abort}. In the "decision" period the first non-zero action ends the trial: the ground
     * truth earns "correct" and performance 1, anything else earns "fail" (nothing when the task
     * declares no "fail" reward).
     */
    protected final void judgeFixateThenDecide(int action, StepResult out, FixationRule rule, boolean abort) {
        if (action == 0) return;
        if (inPeriod("decision")) {
            out.setNewTrial(true);
            if (action == gtNow()) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(rewards.getOrDefault("fail", NO_REWARD));
            }
        } else if (rule == FixationRule.UNTIL_DECISION || inPeriod("fixation")) {
            if (abort) out.setNewTrial(true);
            out.addReward(reward("abort"));
        }
    }

    // ------------------------------------------------------------------ periods

    /** Samples the duration of {@code period} from its timing, floored to a multiple of dt (ms). */
    protected final double sampleTime(String period) {
        return durationSteps(period, trialEndSteps) * dt;
    }

    /** Adds {@code period} starting at time 0, with its sampled duration. */
    protected final void addPeriod(String period) {
        putPeriod(period, 0, durationSteps(period, 0));
    }

    /** Adds {@code period} starting at time 0 with a given duration in ms (floored to dt). */
    protected final void addPeriod(String period, double durationMs) {
        putPeriod(period, 0, floorSteps(durationMs));
    }

    /** Adds {@code period} starting when {@code after} ends, with its sampled duration. */
    protected final void addPeriodAfter(String period, String after) {
        int start = periodEnd(after);
        putPeriod(period, start, durationSteps(period, start));
    }

    /** Adds {@code period} starting when {@code after} ends, with a given duration in ms. */
    protected final void addPeriodAfter(String period, String after, double durationMs) {
        putPeriod(period, periodEnd(after), floorSteps(durationMs));
    }

    /** Adds {@code period} starting at {@code startMs}, with its sampled duration. */
    protected final void addPeriodAt(String period, double startMs) {
        int start = floorSteps(startMs);
        putPeriod(period, start, durationSteps(period, start));
    }

    /** Adds {@code period} so that it ends when {@code before} starts, with its sampled duration. */
    protected final void addPeriodBefore(String period, String before) {
        int d = durationSteps(period, trialEndSteps);
        putPeriod(period, periodStart(before) - d, d);
    }

    /**
     * Adds {@code period} at an exact step with an exact number of steps, for periods computed in
     * steps rather than sampled in ms.
     */
    protected final void addPeriodAtStep(String period, int startStep, int steps) {
        if (steps < 0) throw new NeuroGymException("period '" + period + "' cannot last " + steps + " steps");
        putPeriod(period, startStep, steps);
    }

    /** Adds the periods one after the other from time 0, each with its sampled duration. */
    protected final void addPeriods(String... periods) {
        for (int i = 0; i < periods.length; i++) {
            int start = i == 0 ? 0 : periodEnd(periods[i - 1]);
            putPeriod(periods[i], start, durationSteps(periods[i], start));
        }
    }

    /** Adds the periods one after the other from time 0 with given durations in ms. */
    protected final void addPeriods(String[] periods, double[] durationsMs) {
        if (periods.length != durationsMs.length) {
            throw new IllegalArgumentException(periods.length + " periods but " + durationsMs.length + " durations");
        }
        for (int i = 0; i < periods.length; i++) {
            putPeriod(periods[i], i == 0 ? 0 : periodEnd(periods[i - 1]), floorSteps(durationsMs[i]));
        }
    }

    /** True when the current step lies in {@code period} (false for a period this trial does not have). */
    protected final boolean inPeriod(String period) {
        return inPeriod(period, tInd);
    }

    /** True when step {@code step} of the trial lies in {@code period}. */
    protected final boolean inPeriod(String period, int step) {
        Integer slot = periodSlot.get(period);
        if (slot == null) return false;
        return startSteps[slot] <= step && step < endSteps[slot];
    }

    /** The first step of {@code period} in the current trial. */
    public final int periodStart(String period) {
        return startSteps[slot(period)];
    }

    /** The step after the last of {@code period} in the current trial. */
    public final int periodEnd(String period) {
        return endSteps[slot(period)];
    }

    /** The start of {@code period} in ms since trial start. */
    protected final double startTime(String period) {
        return periodStart(period) * dt;
    }

    /** The end of {@code period} in ms since trial start. */
    protected final double endTime(String period) {
        return periodEnd(period) * dt;
    }

    /** True when this trial has {@code period}. */
    public final boolean hasPeriod(String period) {
        Integer slot = periodSlot.get(period);
        return slot != null && startSteps[slot] >= 0;
    }

    /** The periods of the current trial, in the order they were added. */
    public final List<String> periods() {
        List<String> out = new ArrayList<>();
        for (String p : periodNames) if (hasPeriod(p)) out.add(p);
        return out;
    }

    private int slot(String period) {
        Integer slot = periodSlot.get(period);
        if (slot == null || startSteps[slot] < 0) {
            throw new NeuroGymException("period '" + period + "' has not been added to this trial of " + name()
                    + " (periods: " + periods() + ")");
        }
        return slot;
    }

    private int floorSteps(double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) throw new NeuroGymException("period duration must be a finite time >= 0, got " + ms);
        return (int) Math.floor(ms / dt);
    }

    private int durationSteps(String period, int startSteps) {
        Timing t = timing.get(period);
        if (t == null) {
            throw new NeuroGymException(name() + " has no timing for period '" + period + "' (timing: " + timing.keySet() + ")");
        }
        if (t instanceof Timing.Until u) {
            // The reference measures from the previous trial's end here; we measure from this period's start.
            double d = u.end() - startSteps * dt;
            if (d < 0) {
                throw new NeuroGymException("'until' time " + u.end() + " of period '" + period
                        + "' is before the period's start at " + startSteps * dt + " ms");
            }
            return floorSteps(d);
        }
        return floorSteps(t.sample(rng));
    }

    private void putPeriod(String period, int start, int duration) {
        if (obBuilt || gtBuilt) {
            throw new NeuroGymException("cannot add period '" + period + "' after observations or ground truth were written");
        }
        if (start < 0) throw new NeuroGymException("period '" + period + "' would start before the trial");
        Integer slot = periodSlot.get(period);
        if (slot == null) {
            slot = periodNames.size();
            periodNames.add(period);
            periodSlot.put(period, slot);
            if (slot >= startSteps.length) {
                startSteps = Arrays.copyOf(startSteps, slot * 2);
                endSteps = Arrays.copyOf(endSteps, slot * 2);
            }
        }
        startSteps[slot] = start;
        endSteps[slot] = start + duration;
        trialEndSteps = Math.max(trialEndSteps, start + duration);
    }

    // ------------------------------------------------------------------ observations

    /** Adds {@code value} to every channel in {@code period} (null: the whole trial). */
    protected final void addOb(double value, String period) {
        writeOb(period, null, value, null, false);
    }

    /** Adds {@code value} to channel(s) {@code where} in {@code period} (null: the whole trial). */
    protected final void addOb(double value, String period, String where) {
        writeOb(period, channelOf(where), value, null, false);
    }

    /** Adds {@code value} to observation element {@code index} in {@code period}. */
    protected final void addOb(double value, String period, int index) {
        writeOb(period, new int[] {index}, value, null, false);
    }

    /** Adds a vector, one value per element of channel {@code where}, to every step of {@code period}. */
    protected final void addOb(double[] values, String period, String where) {
        writeOb(period, channelOf(where), 0, values, false);
    }

    /** Adds a full observation vector to every step of {@code period}. */
    protected final void addOb(double[] values, String period) {
        writeOb(period, null, 0, values, false);
    }

    /** Sets every channel in {@code period} to {@code value}. */
    protected final void setOb(double value, String period) {
        writeOb(period, null, value, null, true);
    }

    /** Sets channel(s) {@code where} in {@code period} to {@code value}. */
    protected final void setOb(double value, String period, String where) {
        writeOb(period, channelOf(where), value, null, true);
    }

    /** Sets observation element {@code index} in {@code period} to {@code value}. */
    protected final void setOb(double value, String period, int index) {
        writeOb(period, new int[] {index}, value, null, true);
    }

    /** Sets channel {@code where} in {@code period} to a vector, one value per element. */
    protected final void setOb(double[] values, String period, String where) {
        writeOb(period, channelOf(where), 0, values, true);
    }

    /** Sets the full observation vector of every step of {@code period}. */
    protected final void setOb(double[] values, String period) {
        writeOb(period, null, 0, values, true);
    }

    /** Adds Gaussian noise N(mu, sigma) to every element in {@code period} (null: whole trial). */
    protected final void addRandn(double mu, double sigma, String period) {
        addRandn(mu, sigma, period, null);
    }

    /** Adds Gaussian noise N(mu, sigma) to channel(s) {@code where} in {@code period}. */
    protected final void addRandn(double mu, double sigma, String period, String where) {
        requireFloatObservations();
        buildOb();
        int[] cols = where == null ? null : channelOf(where);
        int from = period == null ? 0 : periodStart(period);
        int to = period == null ? trialEndSteps : periodEnd(period);
        for (int t = from; t < to; t++) {
            int row = t * obSize;
            if (cols == null) {
                for (int c = 0; c < obSize; c++) ob[row + c] += (float) (mu + rng.gaussian() * sigma);
            } else {
                for (int c : cols) ob[row + c] += (float) (mu + rng.gaussian() * sigma);
            }
        }
    }

    /** The indices of observation channel {@code where}. */
    protected final int[] channelOf(String where) {
        return observationSpace.channel(where);
    }

    /**
     * The current trial's observation matrix for direct writing, flat and row-major
     * ({@code ob[t * observationSize() + c]}); for time-varying inputs that the helpers above do not cover.
     */
    protected final float[] ob() {
        requireFloatObservations();
        buildOb();
        return ob;
    }

    /**
     * The current trial's frames for drawing (uint8 image observations only), flat and row-major:
     * frame {@code t} is {@code frames[t * observationSize() ...]}, each {@code [height][width][rgb]},
     * all zero (black) when the trial starts. Draw every frame in {@link #onNewTrial}, so that
     * stepping and datasets see the same pixels.
     */
    protected final byte[] frames() {
        if (frames == null) throw new NeuroGymException(name() + " observes floats, not uint8 frames: write ob() instead");
        buildOb();
        return frames;
    }

    private void requireFloatObservations() {
        if (frames != null) throw new NeuroGymException(name() + " observes uint8 frames: draw them into frames()");
    }

    /** The length of one observation. */
    public final int observationSize() {
        return obSize;
    }

    private void writeOb(String period, int[] cols, double scalar, double[] vec, boolean reset) {
        requireFloatObservations();
        buildOb();
        int from = period == null ? 0 : periodStart(period);
        int to = period == null ? trialEndSteps : periodEnd(period);
        int width = cols == null ? obSize : cols.length;
        if (vec != null && vec.length != width) {
            throw new NeuroGymException(name() + ": observation value has " + vec.length + " elements, the target has " + width);
        }
        for (int t = from; t < to; t++) {
            int row = t * obSize;
            for (int i = 0; i < width; i++) {
                int c = cols == null ? i : cols[i];
                if (c < 0 || c >= obSize) throw new NeuroGymException("observation index " + c + " outside 0.." + (obSize - 1));
                float v = (float) (vec == null ? scalar : vec[i]);
                if (reset) ob[row + c] = v;
                else ob[row + c] += v;
            }
        }
    }

    private void buildOb() {
        if (obBuilt) return;
        int n = trialEndSteps * obSize;
        if (frames != null) {
            if (frames.length < n) frames = new byte[Math.max(n, frames.length * 2)];
            Arrays.fill(frames, 0, n, (byte) 0);
            obBuilt = true;
            return;
        }
        if (ob.length < n) ob = new float[Math.max(n, ob.length * 2)];
        Arrays.fill(ob, 0, n, (float) defaultObValue);
        obBuilt = true;
    }

    // ------------------------------------------------------------------ ground truth

    /** Sets the ground truth of the whole trial (discrete actions). */
    protected final void setGroundTruth(int action) {
        setGroundTruth(action, null);
    }

    /** Sets the ground truth in {@code period} (null: the whole trial) to {@code action}. */
    protected final void setGroundTruth(int action, String period) {
        buildGt();
        if (actionSize > 0) throw new NeuroGymException(name() + " has a Box action space: set a vector ground truth");
        int from = period == null ? 0 : periodStart(period);
        int to = period == null ? trialEndSteps : periodEnd(period);
        Arrays.fill(gt, from, to, action);
    }

    /** Sets the ground truth of steps {@code fromStep} (inclusive) to {@code toStep} (exclusive) of the trial. */
    protected final void setGroundTruthSteps(int action, int fromStep, int toStep) {
        buildGt();
        if (actionSize > 0) throw new NeuroGymException(name() + " has a Box action space: set a vector ground truth");
        if (fromStep < 0 || toStep > trialEndSteps || fromStep > toStep) {
            throw new NeuroGymException(name() + ": ground-truth steps " + fromStep + ".." + toStep + " outside the trial of " + trialEndSteps + " steps");
        }
        Arrays.fill(gt, fromStep, toStep, action);
    }

    /**
     * Sets the ground truth in {@code period} to the {@code index}-th action of action channel
     * {@code where} (e.g. choice 0 of channel {@code choice} is action 1).
     */
    protected final void setGroundTruth(int index, String period, String where) {
        int[] actions = actionSpace.channel(where);
        if (index < 0 || index >= actions.length) {
            throw new NeuroGymException(name() + ": index " + index + " outside action channel '" + where + "' of size " + actions.length);
        }
        setGroundTruth(actions[index], period);
    }

    /** Sets the ground truth in {@code period} (null: whole trial) to a continuous action. */
    protected final void setGroundTruth(double[] action, String period) {
        buildGt();
        if (actionSize == 0) throw new NeuroGymException(name() + " has a discrete action space: set an integer ground truth");
        if (action.length != actionSize) {
            throw new NeuroGymException(name() + ": ground truth has " + action.length + " elements, actions have " + actionSize);
        }
        int from = period == null ? 0 : periodStart(period);
        int to = period == null ? trialEndSteps : periodEnd(period);
        for (int t = from; t < to; t++) {
            for (int i = 0; i < actionSize; i++) gtVector[t * actionSize + i] = (float) action[i];
        }
    }

    /** The ground truth of the current step (discrete actions). */
    protected final int gtNow() {
        return gt[tInd];
    }

    /** The current trial's ground-truth vectors for direct writing (Box actions), flat {@code [t * actionSize + i]}. */
    protected final float[] groundTruthVectors() {
        buildGt();
        return gtVector;
    }

    private void buildGt() {
        if (gtBuilt) return;
        if (actionSize == 0) {
            if (gt.length < trialEndSteps) gt = new int[Math.max(trialEndSteps, gt.length * 2)];
            Arrays.fill(gt, 0, trialEndSteps, 0);
        } else {
            int n = trialEndSteps * actionSize;
            if (gtVector.length < n) gtVector = new float[Math.max(n, gtVector.length * 2)];
            Arrays.fill(gtVector, 0, n, 0f);
        }
        gtBuilt = true;
    }

    // ------------------------------------------------------------------ time

    @Override
    public final int stepIndex() {
        return tInd;
    }

    /** The current time within the trial in ms. */
    protected final double time() {
        return tInd * dt;
    }

    /** How many trials have started since the last reset. */
    public final int trialCount() {
        return numTrials;
    }

    // ------------------------------------------------------------------ Env / TrialBased

    @Override
    public final Trial newTrial(Map<String, ?> kwargs) {
        requireSpaces();
        for (int i = 0; i < periodNames.size(); i++) {
            startSteps[i] = -1;
            endSteps[i] = -1;
        }
        trialEndSteps = 0;
        obBuilt = false;
        gtBuilt = false;
        Trial t = new Trial(kwargs);
        onNewTrial(t);
        buildOb(); // a trial always has an observation matrix, even if the task wrote nothing
        hasGt = gtBuilt;
        if (trialEndSteps == 0) throw new NeuroGymException(name() + " built a trial with no duration (no periods, or all of length 0)");
        this.trial = t;
        numTrials++;
        return t;
    }

    @Override
    public final float[] reset(long seed) {
        rng.reseed(seed);
        seeded = true;
        return startEpisode();
    }

    @Override
    public final float[] reset() {
        if (!seeded) {
            rng.reseed(System.nanoTime() ^ Rng.derive(System.identityHashCode(this), 1));
            seeded = true;
        }
        return startEpisode();
    }

    private float[] startEpisode() {
        requireSpaces();
        numTrials = 0;
        tInd = 0;
        performance = 0;
        onReset();
        top.newTrial(Map.of());
        // Deviation: the reference takes a random step here; we return the trial's first observation.
        result.clear();
        copyObservation(0);
        return result.observation();
    }

    @Override
    public final StepResult step(int action) {
        if (trial == null) throw new NeuroGymException(name() + ": call reset() before step()");
        if (actionSize != 0) throw new InvalidActionException(name() + " takes continuous actions of length " + actionSize);
        if (action < 0 || action >= ((Discrete) actionSpace).n()) {
            throw new InvalidActionException("action " + action + " is outside " + actionSpace + " of " + name());
        }
        result.clear();
        onStep(action, result);
        return finishStep();
    }

    @Override
    public final StepResult step(float[] action) {
        if (trial == null) throw new NeuroGymException(name() + ": call reset() before step()");
        if (actionSize == 0) throw new InvalidActionException(name() + " takes discrete actions (" + actionSpace + ")");
        if (action == null || action.length != actionSize) {
            throw new InvalidActionException(name() + " takes actions of length " + actionSize + ", got "
                    + (action == null ? "null" : action.length));
        }
        for (float a : action) {
            if (!Float.isFinite(a)) throw new InvalidActionException(name() + ": action has a non-finite element");
        }
        result.clear();
        onStep(action, result);
        return finishStep();
    }

    private StepResult finishStep() {
        StepResult out = result;
        if (hasGt && !out.hasGroundTruth()) {
            if (actionSize == 0) {
                out.setGroundTruth(gt[tInd]);
            } else {
                System.arraycopy(gtVector, tInd * actionSize, out.groundTruthVector(), 0, actionSize);
                out.markGroundTruthVector();
            }
        }
        tInd++;
        if (tInd >= trialEndSteps && !out.newTrial()) {
            out.setNewTrial(true);
            out.addReward(rTmax);
        }
        if (out.newTrial()) {
            out.setPerformance(performance);
            tInd = 0;
            // Reset before building the next trial (the reference resets after), so that a task can
            // set a trial's starting performance in onNewTrial, e.g. a No-go trial correct by default.
            performance = 0;
            Trial next = top.newTrial(Map.of());
            out.setTrial(next);
        }
        if (!out.observationProvided()) copyObservation(tInd);
        return out;
    }

    /** Puts step {@code t}'s observation into the result: a frame's bytes as they are, or the float row. */
    private void copyObservation(int t) {
        if (frames != null) {
            System.arraycopy(frames, t * obSize, result.observationBytes(), 0, obSize);
            result.observationBytesChanged();
        } else {
            System.arraycopy(ob, t * obSize, result.observation(), 0, obSize);
        }
    }

    private void requireSpaces() {
        if (observationSpace == null || actionSpace == null) {
            throw new IllegalStateException(getClass().getName() + " did not call defineSpaces() in its constructor");
        }
    }

    @Override
    public final Box observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space actionSpace() {
        return actionSpace;
    }

    @Override
    public final double dt() {
        return dt;
    }

    @Override
    public final Trial trial() {
        return trial;
    }

    @Override
    public final int trialLength() {
        return trialEndSteps;
    }

    @Override
    public final float[] trialObservations() {
        return ob;
    }

    @Override
    public final byte[] trialFrames() {
        return frames;
    }

    @Override
    public final int[] trialGroundTruth() {
        return actionSize == 0 && hasGt ? gt : null;
    }

    @Override
    public final float[] trialGroundTruthVector() {
        return actionSize > 0 && hasGt ? gtVector : null;
    }

    @Override
    public final boolean hasGroundTruth() {
        return hasGt;
    }

    @Override
    public final TrialEnv task() {
        return this;
    }

    /** Moves a period of the trial just built (for {@link TrialWrapper#movePeriod}). */
    final void reshapePeriod(String period, int startStep, int endStep) {
        int slot = slot(period);
        if (startStep < 0 || endStep < startStep || endStep > trialEndSteps) {
            throw new NeuroGymException("cannot move period '" + period + "' to steps " + startStep + ".." + endStep
                    + " of a trial of " + trialEndSteps + " steps");
        }
        startSteps[slot] = startStep;
        endSteps[slot] = endStep;
    }

    /** Ends the trial just built after {@code steps} steps (for {@link TrialWrapper#shortenTrial}). */
    final void shortenTrial(int steps) {
        if (steps < 1 || steps > trialEndSteps) {
            throw new NeuroGymException("cannot shorten a trial of " + trialEndSteps + " steps to " + steps);
        }
        if (tInd >= steps) throw new NeuroGymException("cannot shorten the trial to " + steps + " steps: it is at step " + tInd);
        trialEndSteps = steps;
    }

    /** Makes {@code top} build this task's trials from now on (itself by default); see {@link TrialBased#setTop}. */
    @Override
    public final void setTop(TrialBased top) {
        if (top == null) throw new IllegalArgumentException(name() + ": the top of a task cannot be null");
        this.top = top;
    }

    /**
     * Samples {@code trials} trials from a separate random stream seeded with {@code seed} and
     * reports their lengths in steps. The env's own stream is left as it was; the current trial is
     * replaced, so reset before stepping again.
     */
    public final TrialLengthStats trialLengthStats(int trials, long seed) {
        if (trials <= 0) throw new IllegalArgumentException("trials must be positive, got " + trials);
        Rng saved = rng;
        rng = new Rng(seed);
        int[] lengths = new int[trials];
        try {
            for (int i = 0; i < trials; i++) {
                newTrial(Map.of());
                lengths[i] = trialEndSteps;
            }
        } finally {
            rng = saved;
            trial = null;
        }
        return TrialLengthStats.of(lengths);
    }

    /** {@link #trialLengthStats(int, long)} with seed 0. */
    public final TrialLengthStats trialLengthStats(int trials) {
        return trialLengthStats(trials, 0);
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }
}
