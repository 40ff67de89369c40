package org.neurogym.tasks.contrib;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * A shaping curriculum for a delayed two-alternative comparison. The agent is moved through up to
 * five phases by its running performance, measured over a moving window of trials and over
 * simulated "days" of {@code trials_day} trials:
 * <ol start="0">
 * <li>no stimulus, no delay: either side is rewarded, unless the agent chose the same side
 *     {@code max_num_reps} times in a row, in which case only the other side pays;</li>
 * <li>a noise-free full-strength stimulus, no delay; a wrong choice costs nothing and the agent may
 *     try again until it is right, but only the first choice counts as correct;</li>
 * <li>as 1, but the first choice ends the trial and a wrong one earns {@code fail}; a running
 *     performance below 0.5 sends the agent back to phase 1 until it exceeds {@code th_stage};</li>
 * <li>as 2 with a delay, growing (or shrinking) by a quarter of 1000 / 3000 ms with the running
 *     performance; the delay is one of the two scaled values;</li>
 * <li>the full task: coherence from the scaled list, input noise, delay from the timing.</li>
 * </ol>
 * The curriculum restarts at {@link #reset}.
 */
public final class CVLearning extends TrialEnv {

    /** The delay durations (ms) that phase 3 scales towards. */
    static final double[] DELAY_DURS = {1000, 3000};
    /** Running performance below which phase 2 falls back to phase 1, and phase 3 shortens the delay. */
    static final double MIN_PERF = 0.5;
    /** The share of the full delays added or removed at a time in phase 3. */
    static final double INC_FACTOR = 0.25;
    private static final double[] COHS = {0, 6.4, 12.8, 25.6, 51.2};

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("CVLearning-v0")
            .family("contrib")
            .tags("perceptual", "delayed response", "two-alternative", "supervised")
            .description("Training curriculum for a delayed comparison of two stimuli (inputs 1 and 2; inputs 3.. are "
                    + "uninformative 0.5 during the stimulus). Phase 0: no stimulus, both sides pay unless one side was "
                    + "chosen max_num_reps times in a row. Phase 1: clear stimulus, wrong choices are free and the "
                    + "agent may retry. Phase 2: the first choice counts and a wrong one is penalised. Phase 3: a delay "
                    + "grows with performance. Phase 4: the full task with coherences and noise. Phases advance after "
                    + "keep_days + 1 days of trials_day trials at performance >= th_stage (th_stage -1 starts at the "
                    + "last stage); the curriculum restarts at reset. Observations and ground truth are built for "
                    + "every trial (the choice is 1 or 2 in the decision period). No abort: early responses only cost "
                    + "the abort reward.")
            .paper("Discrete attractor dynamics underlies persistent activity in the frontal cortex",
                    "https://www.nature.com/articles/s41586-019-0919-7")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                    ParamSpec.number("stim_scale", 1.0, "Scales the coherences of phase 4 (task difficulty)."),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the phase-4 input noise, per sqrt(ms).").min(0),
                    ParamSpec.integer("max_num_reps", 3, "Choices of one side in a row after which phase 0 pays only the other side.").min(1),
                    ParamSpec.number("th_stage", 0.7, "Performance needed to advance (-1: start at the last stage)."),
                    ParamSpec.integer("keep_days", 1, "Days kept in a phase once its performance is reached.").min(0),
                    ParamSpec.integer("trials_day", 300, "Trials per simulated day.").min(1),
                    ParamSpec.integer("perf_len", 20, "Trials in the moving window of the running performance.").min(1),
                    ParamSpec.integers("stages", new int[] {0, 1, 2, 3, 4}, "The phases used, in increasing order (0..4).").nonEmpty().range(0, 4),
                    ParamSpec.integer("n_ch", 10, "Number of inputs and actions besides fixation (>= 2).").min(2))
            // trial lengths depend on the phase (no stimulus or delay early on), so the expectation is the
            // current phase's; trials that are generated but never played count as failures and do not advance it
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> ((CVLearning) t).expectedTrialSteps()))
            .build(CVLearning::new);

    private final double[] cohs;
    private final double sigma;
    private final int maxNumReps;
    private final double thPerf;
    private final int keepDays;
    private final int trialsDay;
    private final int perfLen;
    private final int[] stages;
    private final int nCh;
    private final int startIndex;
    private final int index1;
    private final int index2;
    private final double rCorrect;
    private final double rFail;
    private final double rAbort;

    // the curriculum
    private int ind;
    private int phase;
    private boolean started;
    private int trialsCounter;
    private int trialsDelay;
    private final double[] dayPerf;
    private final double[] movPerf;
    private double instPerf;
    private double currPerf;
    private int daysKeep;
    private boolean keepStage;
    private boolean stageReminder;
    private double incDelays;
    private double delayMilestone;
    private boolean maxDelays;
    private final int[] dur = new int[2];
    private int actionCounter;
    private int lastSide;
    private int pendingChoice;

    // the current trial
    private double failNow;
    private boolean firstCounts;
    private boolean choiceMade;
    private boolean trialCorrect;

    public CVLearning(Params p) {
        super(p);
        double scale = p.getDouble("stim_scale");
        cohs = new double[COHS.length];
        for (int i = 0; i < COHS.length; i++) cohs[i] = COHS[i] * scale;
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        maxNumReps = p.getInt("max_num_reps");
        thPerf = p.getDouble("th_stage");
        keepDays = p.getInt("keep_days");
        trialsDay = p.getInt("trials_day");
        perfLen = p.getInt("perf_len");
        stages = p.getInts("stages");
        for (int i = 0; i < stages.length; i++) {
            if (i > 0 && stages[i] <= stages[i - 1]) {
                throw new ParameterException("stages", "stages must be strictly increasing, got " + java.util.Arrays.toString(stages));
            }
        }
        nCh = p.getInt("n_ch");
        startIndex = thPerf == -1 ? stages.length - 1 : 0;
        index1 = indexOf(stages, 1);
        index2 = indexOf(stages, 2);
        dayPerf = new double[trialsDay];
        movPerf = new double[perfLen];

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", -1.0);
        defineTiming(p, "fixation", 200, "stimulus", 1150, "delay", Timing.uniform(1000, 3000), "decision", 1500);
        rCorrect = reward("correct");
        rFail = reward("fail");
        rAbort = reward("abort");
        Box ob = nCh > 2
                ? Box.unbounded(nCh + 1, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3), Channel.range("extra", 3, nCh + 1))
                : Box.unbounded(nCh + 1, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3));
        Discrete act = nCh > 2
                ? new Discrete(nCh + 1, Channel.of("fixation", 0), Channel.range("choice", 1, 3), Channel.range("extra", 3, nCh + 1))
                : new Discrete(nCh + 1, Channel.of("fixation", 0), Channel.range("choice", 1, 3));
        defineSpaces(ob, act);
        defineChoices(1, "choice");
        restart();
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }

    private void restart() {
        ind = startIndex;
        phase = stages[ind];
        started = false;
        trialsCounter = 0;
        trialsDelay = 0;
        java.util.Arrays.fill(dayPerf, 0);
        java.util.Arrays.fill(movPerf, 0);
        instPerf = 0;
        currPerf = 0;
        daysKeep = keepDays;
        keepStage = false;
        stageReminder = false;
        incDelays = 0;
        delayMilestone = 0;
        maxDelays = true;
        dur[0] = 0;
        dur[1] = 0;
        actionCounter = 0;
        lastSide = 0;
        pendingChoice = 0;
    }

    @Override
    protected void onReset() {
        restart();
    }

    /** The phase (0..4) of the current trial. */
    public int phase() {
        return phase;
    }

    /** The running performance over the last {@code perf_len} trials (updated once a day has more trials than that). */
    public double instantPerformance() {
        return instPerf;
    }

    /** The share of the phase-3 delays in force (0 to 1). */
    public double delayShare() {
        return incDelays;
    }

    /** Consecutive same-side choices in phase 0: negative for side 1, positive for side 2. */
    public int sideRun() {
        return actionCounter;
    }

    /** The expected length in steps of a trial in the current phase (what {@code trialLengthStats} measures). */
    public double expectedTrialSteps() {
        double steps = timing().get("fixation").meanSteps(dt) + timing().get("decision").meanSteps(dt);
        if (phase >= 1) steps += timing().get("stimulus").meanSteps(dt);
        if (phase == 3) steps += (Math.floor(dur[0] / dt) + Math.floor(dur[1] / dt)) / 2;
        if (phase == 4) steps += timing().get("delay").meanSteps(dt);
        return steps;
    }

    /** Records the outcome of the trial that just ended and moves through the curriculum. */
    private void recordOutcome(boolean correct) {
        double o = correct ? 1 : 0;
        dayPerf[trialsCounter] = o;
        movPerf[trialsCounter % perfLen] = o;
        trialsCounter++;
        trialsDelay++;
        if (trialsCounter > perfLen) {
            double sum = 0;
            for (double v : movPerf) sum += v;
            instPerf = sum / perfLen;
            if (instPerf < MIN_PERF && phase == 2) {
                if (index1 >= 0) {
                    ind = index1;
                    stageReminder = true;
                }
            } else if (instPerf > thPerf && stageReminder) {
                ind = index2;
                stageReminder = false;
            }
        }
        if (trialsCounter >= trialsDay) {
            trialsCounter = 0;
            double sum = 0;
            for (double v : dayPerf) sum += v;
            currPerf = sum / trialsDay;
            delayMilestone = incDelays;
            keepStage = currPerf >= thPerf && maxDelays;
            if (!keepStage) {
                daysKeep = keepDays;
            } else {
                if (daysKeep <= 0 && ind < stages.length - 1) {
                    ind++;
                    daysKeep = keepDays + 1;
                    keepStage = false;
                    stageReminder = false;
                }
                daysKeep--;
            }
        }
        phase = stages[ind];
    }

    /** Counts consecutive choices of one side in phase 0 (side 1 down, side 2 up). */
    private void count(int side) {
        int step = side == 1 ? -1 : 1;
        actionCounter = Integer.signum(actionCounter) == step ? actionCounter + step : step;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // the first trial after reset follows no trial; every later one records its predecessor
        if (started) recordOutcome(trialCorrect);
        started = true;
        if (phase == 0 && pendingChoice != 0) count(pendingChoice);
        pendingChoice = 0;
        choiceMade = false;
        trialCorrect = false;
        firstCounts = true;

        int gt = 1 + rng.integer(2);
        double coh = rng.choice(cohs);
        double noise = sigma;
        double stimMs = -1; // -1: from the timing
        double delayMs = 0;
        switch (phase) {
            case 0 -> {
                if (Math.abs(actionCounter) >= maxNumReps) {
                    gt = lastSide == 2 ? 1 : 2;
                    failNow = 0;
                } else {
                    failNow = rCorrect;
                }
                stimMs = 0;
                noise = 0;
            }
            case 1 -> {
                coh = 100;
                noise = 0;
                failNow = 0;
                firstCounts = false;
            }
            case 2 -> {
                coh = 100;
                noise = 0;
                failNow = rFail;
            }
            case 3 -> {
                failNow = rFail;
                if (trialsDelay > perfLen) {
                    if (instPerf >= thPerf && incDelays < 1) {
                        incDelays += INC_FACTOR;
                        trialsDelay = 0;
                    } else if (instPerf <= MIN_PERF && incDelays > delayMilestone) {
                        incDelays -= INC_FACTOR;
                        trialsDelay = 0;
                    }
                }
                for (int i = 0; i < 2; i++) dur[i] = (int) (DELAY_DURS[i] * incDelays);
                maxDelays = dur[0] == DELAY_DURS[0] && dur[1] == DELAY_DURS[1];
                delayMs = dur[rng.integer(2)];
                coh = 100;
                noise = 0;
            }
            default -> {
                failNow = rFail;
                delayMs = -1;
            }
        }
        gt = trial.setDefault("ground_truth", gt);
        if (gt != 1 && gt != 2) throw new NeuroGymException(name() + ": ground_truth must be 1 or 2, got " + gt);
        coh = trial.setDefault("coh", coh);
        noise = trial.setDefault("sigma", noise);
        trial.put("phase", phase);

        addPeriod("fixation");
        if (stimMs < 0) addPeriodAfter("stimulus", "fixation");
        else addPeriodAfter("stimulus", "fixation", stimMs);
        if (delayMs < 0) addPeriodAfter("delay", "stimulus");
        else addPeriodAfter("delay", "stimulus", delayMs);
        addPeriodAfter("decision", "delay");

        setOb(1, "fixation", 0);
        setOb(1, "stimulus", 0);
        setOb((1 - coh / 100) / 2, "stimulus", "stimulus");
        setOb((1 + coh / 100) / 2, "stimulus", gt);
        for (int c = 3; c <= nCh; c++) setOb(0.5, "stimulus", c);
        if (noise > 0) {
            float[] ob = ob();
            int w = observationSize();
            for (int t = periodStart("stimulus"); t < periodEnd("stimulus"); t++) {
                for (int c = 1; c <= nCh; c++) ob[t * w + c] += (float) (rng.gaussian() * noise);
            }
        }
        setOb(1, "delay", 0);
        setGroundTruth(gt, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        boolean decision = inPeriod("decision");
        if (!decision) {
            // breaking fixation costs but never aborts (the reference's abort flag is always off)
            if (action != 0) out.addReward(rAbort);
            return;
        }
        int gt = gtNow();
        if (action == gt) {
            out.addReward(rCorrect);
            out.setNewTrial(true);
            if (!choiceMade) {
                choiceMade = true;
                trialCorrect = true;
                performance = 1;
            }
        } else if (action == 3 - gt) {
            out.addReward(failNow);
            out.setNewTrial(firstCounts);
            if (!choiceMade) {
                choiceMade = true;
                trialCorrect = failNow == rCorrect;
                performance = trialCorrect ? 1 : 0;
            }
        }
        if (out.newTrial() && phase == 0) {
            pendingChoice = action;
            lastSide = action;
        }
    }
}
