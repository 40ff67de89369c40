package org.neurogym.api;

import java.util.Collections;
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
 * recorded; time advances; a trial that ran out of time ends ({@link #onTrialTimeout} judges it); an ended
 * trial reports its performance and the next trial is generated (by the top of the wrapper
 * stack); the observation returned is the one of the <em>next</em> step.
 *
 * <p>Trial matrices are flat primitive arrays, reused from trial to trial when large enough. The
 * bookkeeping behind the protected period and matrix methods lives in the package-private
 * {@code Periods} and {@code TrialMatrices}.
 */
public abstract class TrialEnv implements TrialBased {

    /** The time step in ms. */
    protected final double dt;

    /** The env's single random source; reseeded by {@link #reset(long)}. */
    protected Rng rng;

    /** The performance of the current trial, set by the task (1 for a correct trial); reported when it ends. */
    protected double performance;

    private boolean seeded;
    private Recipe recipe;
    /** The performance of the trial that ended last, kept for the trial wrappers that build the next one. */
    private double endedPerformance;
    /** The task id when made from {@link Params} (messages name it, not a class), else null. */
    private String id;
    private Map<String, Double> rewards = Map.of();
    private Map<String, Timing> timing = Map.of();
    // the same tables by slot, for lookups on every step and every new trial (see NameIndex)
    private NameIndex rewardNames = new NameIndex();
    private double[] rewardValues = new double[0];
    private NameIndex timingNames = new NameIndex();
    private Timing[] timings = new Timing[0];
    private NameIndex channelNames = new NameIndex();
    private int[][] channelColumns = new int[0][];
    private Box observationSpace;
    private Space actionSpace;
    private int obSize;
    private int actionSize; // 0 for discrete
    private float[] actionLow; // bounds of a Box action space, read at every step
    private float[] actionHigh;
    private StepResult result;
    private Choices choices;

    private final Periods periods = new Periods(this);
    private final TrialMatrices matrices = new TrialMatrices(this);

    private int tInd;
    private int numTrials;
    private Trial trial;
    // Two Trial objects used in turn, so that a new trial allocates nothing and the trial that just
    // ended stays readable through the next one (see Trial); trialSerial numbers them over the env's life.
    private final Trial[] trialObjects = {new Trial(), new Trial()};
    private long trialSerial;
    private TrialBased top = this;

    protected TrialEnv(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) throw new ParameterException("dt", "dt must be a positive number of ms, got " + dt);
        this.dt = dt;
        this.rng = new Rng(0);
    }

    /** Reads {@code dt} from the task's parameters. */
    protected TrialEnv(Params params) {
        this(params.getDouble("dt"));
        this.id = params.owner();
    }

    /** How this task was made by its descriptor, or null when it was made directly (see {@link Recipe}). */
    public final Recipe recipe() {
        return recipe;
    }

    /** Records how this task was made; called by the descriptor that makes it. */
    public final void setRecipe(Recipe recipe) {
        this.recipe = recipe;
    }

    /**
     * The performance of the trial that ended last (0 before any ended): while the next trial is
     * built ({@code newTrial}), the performance of the trial that just ended, which the step's
     * result reports only once the step returns.
     */
    public final double endedTrialPerformance() {
        return endedPerformance;
    }

    /** What messages call this task: its id when known (e.g. {@code yang19.go-v0}), else its name. */
    String taskId() {
        return id != null ? id : name();
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
        rewardNames = new NameIndex();
        rewardValues = new double[table.size()];
        table.forEach((name, value) -> rewardValues[rewardNames.add(name)] = value);
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
        requireStepFit(table, params);
        this.timing = Collections.unmodifiableMap(table);
        timingNames = new NameIndex();
        timings = new Timing[table.size()];
        table.forEach((period, t) -> timings[timingNames.add(period)] = t);
    }

    /** The most steps one period may last: beyond this a trial's matrices outgrow any heap. */
    static final int MAX_PERIOD_STEPS = 1 << 24;

    /**
     * Checks dt against the timing before any trial is built: a dt longer than every period
     * would leave trials of no duration, and a tiny dt or a huge duration would ask for more
     * steps than memory holds. A single period shorter than dt is allowed: the reference floors
     * it to nothing, and some tasks give it a step of their own. {@code until} periods depend on
     * the trial and are not checked.
     */
    private void requireStepFit(Map<String, Timing> table, Params params) {
        String longest = null;
        for (Map.Entry<String, Timing> e : table.entrySet()) {
            if (e.getValue() instanceof Timing.Until) continue;
            double bound = e.getValue().bound();
            if (longest == null || bound > table.get(longest).bound()) longest = e.getKey();
            double steps = Math.floor(bound / dt);
            if (steps > MAX_PERIOD_STEPS) {
                boolean given = params != null && params.schema().containsKey("timing") && params.getTiming("timing").containsKey(e.getKey());
                throw new ParameterException(given ? "timing." + e.getKey() : "dt", taskId() + ": period '" + e.getKey()
                        + "' (up to " + ms(bound) + " ms) is " + String.format(java.util.Locale.ROOT, "%.3g", steps) + " steps of dt "
                        + ms(dt) + " ms, more than the " + MAX_PERIOD_STEPS + " a period may last; raise dt or shorten timing." + e.getKey());
            }
        }
        if (longest != null && table.get(longest).bound() > 0 && table.get(longest).bound() < dt) {
            // blame the timing the caller gave, if any, else dt
            String key = params != null && params.schema().containsKey("timing") && !params.getTiming("timing").isEmpty()
                    && !params.isGiven("dt") ? "timing." + params.getTiming("timing").keySet().iterator().next() : "dt";
            throw new ParameterException(key, taskId() + ": dt " + ms(dt) + " ms is longer than every period (the longest, '"
                    + longest + "', lasts at most " + ms(table.get(longest).bound()) + " ms), so a trial would last no step; use dt <= "
                    + ms(table.get(longest).bound()));
        }
    }

    private static String ms(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Declares the spaces. Observations are a 1-D Box, or a uint8 image ({@link Box#uint8Image}),
     * whose trials are drawn into {@link #frames()}; actions a Discrete or a 1-D Box.
     */
    protected final void defineSpaces(Box observation, Space action) {
        boolean image = observation.isImage();
        if (!image && observation.shape().length != 1) throw new IllegalArgumentException("observation Box must be 1-D or a uint8 image");
        this.observationSpace = observation;
        this.actionSpace = action;
        this.obSize = observation.size();
        this.actionSize = action instanceof Box b ? b.size() : 0;
        this.actionLow = action instanceof Box b ? b.low() : new float[0];
        this.actionHigh = action instanceof Box b ? b.high() : new float[0];
        this.result = image ? StepResult.ofBytes(obSize, actionSize) : new StepResult(obSize, actionSize);
        matrices.setSizes(obSize, actionSize);
        if (image) matrices.useFrames();
        channelNames = new NameIndex();
        Map<String, int[]> channels = observation.channels();
        channelColumns = new int[channels.size()][];
        channels.forEach((name, cols) -> channelColumns[channelNames.add(name)] = cols);
        requireJudgement(action);
    }

    /**
     * A task must judge the actions it declares: fails at construction, naming the method, when
     * the task's class does not override the {@code onStep} its action space calls.
     */
    private void requireJudgement(Space action) {
        Class<?> type = actionSize == 0 ? int.class : float[].class;
        for (Class<?> c = getClass(); c != TrialEnv.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("onStep", type, StepResult.class);
                return;
            } catch (NoSuchMethodException notHere) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(getClass().getName() + " declares the action space " + action
                + " but does not override onStep(" + type.getSimpleName() + " action, StepResult out) to judge its actions");
    }

    /**
     * Declares the task's choices, the reference's {@code env.choices}: the values of the trials'
     * {@code ground_truth} and the action answering each, for the wrappers that impose a trial's
     * answer (SideBias, RandomGroundTruth, TrialHistory). Call it after {@link #defineSpaces}.
     */
    protected final void defineChoices(Choices choices) {
        this.choices = choices;
    }

    /** Declares choices {@code first, first + 1, ...} answered by the actions of action channel {@code channel}, in order. */
    protected final void defineChoices(int first, String channel) {
        requireSpaces();
        defineChoices(Choices.numbered(first, actionSpace.channel(channel)));
    }

    /** The declared choices, or null when the task declares none. */
    public final Choices choices() {
        return choices;
    }

    /** The value every observation starts from in a new trial (the reference's {@code _default_ob_value}; 0 by default). */
    protected final void setDefaultObValue(double value) {
        matrices.setDefaultObValue(value);
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
        int slot = rewardNames.find(name);
        if (slot < 0) throw new NeuroGymException(name() + " has no reward '" + name + "'");
        return rewardValues[slot];
    }

    // ------------------------------------------------------------------ the task's two duties

    /** Builds the trial: draw facts into {@code trial}, add periods, observations and ground truth. */
    protected abstract void onNewTrial(Trial trial);

    /** Called by reset before the episode's first trial, after reseeding: clear state kept across trials here. */
    protected void onReset() {}

    /**
     * Judges a discrete action: set reward, {@code newTrial}, performance. A task with a
     * {@link Discrete} action space must override it ({@link #defineSpaces} checks).
     */
    protected void onStep(int action, StepResult out) {
        throw new IllegalStateException(name() + " does not judge discrete actions");
    }

    /** Judges a continuous action. A task with a Box action space must override it ({@link #defineSpaces} checks). */
    protected void onStep(float[] action, StepResult out) {
        throw new IllegalStateException(name() + " does not judge continuous actions");
    }

    /**
     * Judges a trial that ran out of time: called after the last step's {@link #onStep} when the task
     * did not end the trial itself, before the trial's performance is reported. Add the reward of a
     * trial that times out here (the reference's {@code r_tmax}, e.g. a "miss") or set
     * {@link #performance} (e.g. a withheld response that is correct). Does nothing by default.
     */
    protected void onTrialTimeout(StepResult out) {}

    /** Where breaking fixation is judged by {@link #judgeFixateThenDecide}. */
    protected enum FixationRule {
        /** Only during the "fixation" period. */
        FIXATION_PERIOD,
        /** At every step outside the "decision" period. */
        UNTIL_DECISION
    }

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
                int fail = rewardNames.find("fail");
                out.addReward(fail >= 0 ? rewardValues[fail] : 0); // nothing when the task declares no "fail" reward
            }
        } else if (rule == FixationRule.UNTIL_DECISION || inPeriod("fixation")) {
            if (abort) out.setNewTrial(true);
            out.addReward(reward("abort"));
        }
    }

    // ------------------------------------------------------------------ periods

    /** Samples the duration of {@code period} from its timing, floored to a multiple of dt (ms). */
    protected final double sampleTime(String period) {
        return durationSteps(period, periods.trialEnd()) * dt;
    }

    /**
     * Adds {@code period} starting at step 0 (the start of the trial), with its sampled duration.
     * Periods do not follow each other by themselves: use {@link #addPeriodAfter} or
     * {@link #addPeriods} for a sequence.
     */
    protected final void addPeriod(String period) {
        putPeriod(period, 0, durationSteps(period, 0));
    }

    /** Adds {@code period} starting at step 0 with a given duration in ms (floored to dt). */
    protected final void addPeriod(String period, double durationMs) {
        putPeriod(period, 0, floorSteps(durationMs));
    }

    /** Adds {@code period} starting when {@code after} ends, with its sampled duration. */
    protected final void addPeriodAfter(String period, String after) {
        int start = periods.end(after);
        putPeriod(period, start, durationSteps(period, start));
    }

    /** Adds {@code period} starting when {@code after} ends, with a given duration in ms. */
    protected final void addPeriodAfter(String period, String after, double durationMs) {
        putPeriod(period, periods.end(after), floorSteps(durationMs));
    }

    /** Adds {@code period} starting at {@code startMs}, with its sampled duration. */
    protected final void addPeriodAt(String period, double startMs) {
        int start = floorSteps(startMs);
        putPeriod(period, start, durationSteps(period, start));
    }

    /** Adds {@code period} so that it ends when {@code before} starts, with its sampled duration. */
    protected final void addPeriodBefore(String period, String before) {
        int d = durationSteps(period, periods.trialEnd());
        putPeriod(period, periods.start(before) - d, d);
    }

    /**
     * Adds {@code period} at an exact step with an exact number of steps, for periods computed in
     * steps rather than sampled in ms.
     */
    protected final void addPeriodAtStep(String period, int startStep, int steps) {
        if (steps < 0) throw new NeuroGymException("period '" + period + "' cannot last " + steps + " steps");
        putPeriod(period, startStep, steps);
    }

    /** Adds the periods one after the other, the first at step 0, each with its sampled duration. */
    protected final void addPeriods(String... names) {
        for (int i = 0; i < names.length; i++) {
            int start = i == 0 ? 0 : periods.end(names[i - 1]);
            putPeriod(names[i], start, durationSteps(names[i], start));
        }
    }

    /** Adds the periods one after the other, the first at step 0, with given durations in ms. */
    protected final void addPeriods(String[] names, double[] durationsMs) {
        if (names.length != durationsMs.length) {
            throw new IllegalArgumentException(names.length + " periods but " + durationsMs.length + " durations");
        }
        for (int i = 0; i < names.length; i++) {
            putPeriod(names[i], i == 0 ? 0 : periods.end(names[i - 1]), floorSteps(durationsMs[i]));
        }
    }

    /**
     * The number of whole steps in {@code ms}, tolerant of the rounding of a time computed as
     * {@code k * dt} (e.g. 3 * 0.1 ms is 3 steps of 0.1 ms, not 2).
     */
    protected final int wholeSteps(double ms) {
        return (int) Math.floor(ms / dt + 1e-9);
    }

    /**
     * The expected length in steps of a trial made of {@code names} one after the other: the sum of
     * their timings' expected lengths (for the contract of a task whose timing also holds entries
     * that are not periods of the sequence).
     */
    public final double expectedSteps(String... names) {
        double sum = 0;
        for (String p : names) {
            Timing t = timing.get(p);
            if (t == null) throw new NeuroGymException(name() + " has no timing for period '" + p + "' (timing: " + timing.keySet() + ")");
            sum += t.meanSteps(dt);
        }
        return sum;
    }

    /** True when the current step lies in {@code period} (false for a period this trial does not have). */
    protected final boolean inPeriod(String period) {
        return periods.contains(period, tInd);
    }

    /** True when step {@code step} of the trial lies in {@code period}. */
    protected final boolean inPeriod(String period, int step) {
        return periods.contains(period, step);
    }

    /** The first step of {@code period} in the current trial. */
    public final int periodStart(String period) {
        return periods.start(period);
    }

    /** The step after the last of {@code period} in the current trial. */
    public final int periodEnd(String period) {
        return periods.end(period);
    }

    /** The start of {@code period} in ms since trial start. */
    protected final double startTime(String period) {
        return periods.start(period) * dt;
    }

    /** The end of {@code period} in ms since trial start. */
    protected final double endTime(String period) {
        return periods.end(period) * dt;
    }

    /** True when this trial has {@code period}. */
    public final boolean hasPeriod(String period) {
        return periods.has(period);
    }

    /** The periods of the current trial, in the order they were added. */
    public final List<String> periods() {
        return periods.present();
    }

    private int floorSteps(double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) throw new NeuroGymException("period duration must be a finite time >= 0, got " + ms);
        double steps = Math.floor(ms / dt);
        if (steps > MAX_PERIOD_STEPS) {
            throw new NeuroGymException(taskId() + ": a period of " + ms(ms) + " ms is more than " + MAX_PERIOD_STEPS
                    + " steps of dt " + ms(dt) + " ms; raise dt or shorten it");
        }
        return (int) steps;
    }

    private int durationSteps(String period, int startStep) {
        int slot = timingNames.find(period);
        Timing t = slot < 0 ? null : timings[slot];
        if (t == null) {
            throw new NeuroGymException(name() + " has no timing for period '" + period + "' (timing: " + timing.keySet() + ")");
        }
        if (t instanceof Timing.Until u) {
            // The reference measures from the previous trial's end here; we measure from this period's start.
            double d = u.end() - startStep * dt;
            if (d < 0) {
                throw new NeuroGymException("'until' time " + u.end() + " of period '" + period
                        + "' is before the period's start at " + startStep * dt + " ms");
            }
            return floorSteps(d);
        }
        return floorSteps(t.sample(rng));
    }

    private void putPeriod(String period, int start, int steps) {
        if (matrices.written()) {
            throw new NeuroGymException("cannot add period '" + period + "' after observations or ground truth were written");
        }
        periods.put(period, start, steps);
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

    /**
     * Adds {@code value} to channel(s) {@code where} over steps {@code fromStep} (inclusive) to
     * {@code toStep} (exclusive) of the trial, clipped to the trial: for spans that are not a
     * period (e.g. a pulse that starts inside one).
     */
    protected final void addObSteps(double value, int fromStep, int toStep, String where) {
        int to = Math.min(toStep, periods.trialEnd());
        if (fromStep < 0 || fromStep > to) {
            throw new NeuroGymException(name() + ": observation steps " + fromStep + ".." + toStep
                    + " outside the trial of " + periods.trialEnd() + " steps");
        }
        matrices.write(periods.trialEnd(), fromStep, to, channelOf(where), value, null, false);
    }

    /** Adds Gaussian noise N(mu, sigma) to every element in {@code period} (null: whole trial). */
    protected final void addRandn(double mu, double sigma, String period) {
        addRandn(mu, sigma, period, null);
    }

    /** Adds Gaussian noise N(mu, sigma) to channel(s) {@code where} in {@code period}. */
    protected final void addRandn(double mu, double sigma, String period, String where) {
        int[] cols = where == null ? null : channelOf(where);
        matrices.addNoise(periods.trialEnd(), periods.startOrFirst(period), periods.endOrLast(period), cols, mu, sigma, rng);
    }

    /** The indices of observation channel {@code where}. */
    protected final int[] channelOf(String where) {
        int slot = channelNames.find(where);
        return slot >= 0 ? channelColumns[slot] : observationSpace.channel(where); // the space names an unknown channel
    }

    /**
     * The current trial's observation matrix for direct writing, flat and row-major
     * ({@code ob[t * observationSize() + c]}); for time-varying inputs that the helpers above do not cover.
     */
    protected final float[] ob() {
        return matrices.ob(periods.trialEnd());
    }

    /**
     * The current trial's frames for drawing (uint8 image observations only), flat and row-major:
     * frame {@code t} is {@code frames[t * observationSize() ...]}, each {@code [height][width][rgb]},
     * all zero (black) when the trial starts. Draw every frame in {@link #onNewTrial}, so that
     * stepping and datasets see the same pixels.
     */
    protected final byte[] frames() {
        return matrices.frames(periods.trialEnd());
    }

    /** The length of one observation. */
    public final int observationSize() {
        return obSize;
    }

    private void writeOb(String period, int[] cols, double scalar, double[] vec, boolean replace) {
        matrices.write(periods.trialEnd(), periods.startOrFirst(period), periods.endOrLast(period), cols, scalar, vec, replace);
    }

    // ------------------------------------------------------------------ ground truth

    /** Sets the ground truth of the whole trial (discrete actions). */
    protected final void setGroundTruth(int action) {
        setGroundTruth(action, null);
    }

    /** Sets the ground truth in {@code period} (null: the whole trial) to {@code action}. */
    protected final void setGroundTruth(int action, String period) {
        matrices.setGroundTruth(periods.trialEnd(), action, periods.startOrFirst(period), periods.endOrLast(period));
    }

    /** Sets the ground truth of steps {@code fromStep} (inclusive) to {@code toStep} (exclusive) of the trial. */
    protected final void setGroundTruthSteps(int action, int fromStep, int toStep) {
        int steps = periods.trialEnd();
        if (fromStep < 0 || toStep > steps || fromStep > toStep) {
            throw new NeuroGymException(name() + ": ground-truth steps " + fromStep + ".." + toStep + " outside the trial of " + steps + " steps");
        }
        matrices.setGroundTruth(steps, action, fromStep, toStep);
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
        matrices.setGroundTruth(periods.trialEnd(), action, periods.startOrFirst(period), periods.endOrLast(period));
    }

    /** The ground truth of the current step (discrete actions). */
    protected final int gtNow() {
        return matrices.groundTruthAt(tInd);
    }

    /** The current trial's ground-truth vectors for direct writing (Box actions), flat {@code [t * actionSize + i]}. */
    protected final float[] groundTruthVectors() {
        return matrices.groundTruthVectors(periods.trialEnd());
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
        periods.clear();
        matrices.clear();
        Trial t = trialObjects[(int) (++trialSerial & 1)];
        t.reset(kwargs, trialSerial);
        onNewTrial(t);
        matrices.seal(periods.trialEnd()); // a trial always has an observation matrix, even if the task wrote nothing
        if (periods.trialEnd() == 0) throw new NeuroGymException(taskId() + " built a trial with no duration (no periods, or all of length 0)");
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
        matrices.copyObservation(0, result);
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
        for (int i = 0; i < actionSize; i++) {
            float a = action[i];
            // Box actions outside the space are refused, as discrete ones out of range are:
            // clipping silently would hide a broken agent (clip in the agent, as Gymnasium's ClipAction does)
            if (!Float.isFinite(a) || a < actionLow[i] || a > actionHigh[i]) {
                throw new InvalidActionException(taskId() + ": action[" + i + "] = " + a + " is "
                        + (Float.isNaN(a) ? "not a number" : Float.isInfinite(a) ? "not finite"
                                : "outside the action space [" + actionLow[i] + ", " + actionHigh[i] + "]"));
            }
        }
        result.clear();
        onStep(action, result);
        return finishStep();
    }

    private StepResult finishStep() {
        StepResult out = result;
        matrices.reportGroundTruth(tInd, out);
        tInd++;
        if (tInd >= periods.trialEnd() && !out.newTrial()) {
            out.setNewTrial(true);
            onTrialTimeout(out);
        }
        if (out.newTrial()) {
            out.setPerformance(performance);
            endedPerformance = performance;
            tInd = 0;
            // Reset before building the next trial (the reference resets after), so that a task can
            // set a trial's starting performance in onNewTrial, e.g. a No-go trial correct by default.
            performance = 0;
            Trial next = top.newTrial(Map.of());
            out.setTrial(next);
        }
        if (!out.observationProvided()) {
            matrices.copyObservation(tInd, out);
        }
        return out;
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
        return periods.trialEnd();
    }

    @Override
    public final float[] trialObservations() {
        return matrices.ob();
    }

    @Override
    public final byte[] trialFrames() {
        return matrices.frames();
    }

    @Override
    public final int[] trialGroundTruth() {
        return matrices.groundTruth();
    }

    @Override
    public final float[] trialGroundTruthVector() {
        return matrices.groundTruthVector();
    }

    @Override
    public final boolean hasGroundTruth() {
        return matrices.hasGroundTruth();
    }

    @Override
    public final TrialEnv task() {
        return this;
    }

    /** Moves a period of the trial just built (for {@link TrialWrapper#movePeriod}). */
    final void reshapePeriod(String period, int startStep, int endStep) {
        periods.move(period, startStep, endStep);
    }

    /** Ends the trial just built after {@code steps} steps (for {@link TrialWrapper#shortenTrial}). */
    final void shortenTrial(int steps) {
        if (steps >= 1 && tInd >= steps) {
            throw new NeuroGymException("cannot shorten the trial to " + steps + " steps: it is at step " + tInd);
        }
        periods.shorten(steps);
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
                lengths[i] = periods.trialEnd();
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
