package org.neurogym.wrappers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * Turns a fixed-duration task into a reaction-time task, as the reference defines it: in every
 * trial the decision period is moved to start one step after stimulus onset (so the task itself
 * judges an early answer as a decision), the decision's ground truth is copied into the stimulus
 * from that step on, and with {@code end_on_stimulus} (the default) the trial ends with the
 * stimulus. {@code urgency} is added to the reward of every step.
 *
 * <p>When a trial ends, the step's info holds {@code reaction_time}: the time in ms from stimulus
 * onset to the end of the step in which the agent first answered, or NaN when it did not answer
 * after stimulus onset.
 */
public final class ReactionTime extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("ReactionTime",
            "Lets the agent answer during the stimulus: the decision period starts one step after stimulus onset and its "
                    + "ground truth is copied there; with end_on_stimulus the trial ends with the stimulus. Adds urgency "
                    + "to every step's reward and reports info 'reaction_time' (ms from stimulus onset) when a trial ends.",
            List.of(ParamSpec.number("urgency", 0.0, "Added to the reward of every step (negative values urge early answers)."),
                    ParamSpec.bool("end_on_stimulus", true,
                            "End the trial when the stimulus ends; otherwise keep the task's timing and allow early answers.")),
            ReactionTime::new);

    /** Info key of the reaction time, in ms from stimulus onset. */
    public static final String REACTION_TIME = "reaction_time";

    private static final String STIMULUS = "stimulus";
    private static final String DECISION = "decision";

    private final double urgency;
    private final boolean endOnStimulus;
    private final int fixation;
    private int stimStart;
    private int decStart;
    private int decEnd;
    private int response = -1;

    public ReactionTime(Env env, double urgency, boolean endOnStimulus) {
        super(Guards.checked("ReactionTime", env, () -> check(env, urgency)));
        this.urgency = urgency;
        this.endOnStimulus = endOnStimulus;
        int[] fix = ((Discrete) env.actionSpace()).channels().get("fixation");
        this.fixation = fix == null ? 0 : fix[0];
    }

    public ReactionTime(Env env, Params params) {
        this(env, params.getDouble("urgency"), params.getBoolean("end_on_stimulus"));
    }

    private static void check(Env env, double urgency) {
        if (!Double.isFinite(urgency)) {
            throw new org.neurogym.api.param.ParameterException("urgency", "ReactionTime: urgency must be a finite number, got " + urgency);
        }
        if (!(env.actionSpace() instanceof Discrete)) {
            throw new NeuroGymException("ReactionTime needs a task with discrete actions, but " + env.name()
                    + " has actions " + env.actionSpace());
        }
        // under an env schedule, every scheduled task must have the periods
        for (TrialEnv task : Tasks.all(env)) {
            if (!task.timing().containsKey(STIMULUS) || !task.timing().containsKey(DECISION)) {
                throw new NeuroGymException("ReactionTime needs a task with 'stimulus' and 'decision' periods, but "
                        + task.name() + " has periods " + task.timing().keySet());
            }
        }
    }

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Trial trial = trialEnv.newTrial(kwargs);
        TrialEnv task = task();
        if (!task.hasPeriod(STIMULUS) || !task.hasPeriod(DECISION)) {
            throw new NeuroGymException("ReactionTime needs 'stimulus' and 'decision' periods in every trial, but this trial of "
                    + task.name() + " has periods " + task.periods());
        }
        stimStart = task.periodStart(STIMULUS);
        int stimEnd = task.periodEnd(STIMULUS);
        int decStart = task.periodStart(DECISION);
        int decEnd = task.periodEnd(DECISION);
        if (stimEnd - stimStart < 2 || decEnd <= decStart || decStart < stimStart) {
            throw new NeuroGymException("ReactionTime needs a stimulus of at least two steps followed by a decision period, but "
                    + "this trial of " + task.name() + " has stimulus steps " + stimStart + ".." + stimEnd
                    + " and decision steps " + decStart + ".." + decEnd);
        }
        int[] gt = trialEnv.trialGroundTruth();
        if (gt == null) throw new NeuroGymException("ReactionTime needs a ground truth, but " + task.name() + " defines none");
        Arrays.fill(gt, stimStart + 1, stimEnd, gt[decStart]);
        movePeriod(DECISION, stimStart + 1, decEnd);
        if (endOnStimulus) shortenTrial(stimEnd);
        this.decStart = stimStart + 1;
        this.decEnd = decEnd;
        response = -1;
        return trial;
    }

    @Override
    public StepResult step(int action) {
        int t = trialEnv.stepIndex();
        if (response < 0 && action != fixation && t >= decStart && t < decEnd) response = t;
        // read before stepping: a step that ends the trial builds the next one, resetting these
        int answeredAt = response;
        int onset = stimStart;
        StepResult r = env.step(action);
        r.addReward(urgency);
        if (r.newTrial()) r.info().put(REACTION_TIME, answeredAt >= 0 ? (answeredAt - onset + 1) * dt() : Double.NaN);
        return r;
    }

    @Override
    public float[] reset(long seed) {
        response = -1;
        return env.reset(seed);
    }

    @Override
    public float[] reset() {
        response = -1;
        return env.reset();
    }
}
