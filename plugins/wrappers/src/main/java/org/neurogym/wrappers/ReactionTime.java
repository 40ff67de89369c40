package org.neurogym.wrappers;

import java.util.Arrays;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.Wrapper;
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
    private static final ParamSpec URGENCY = ParamSpec.number("urgency", 0.0,
            "Added to the reward of every step (negative values urge early answers).");

    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("ReactionTime").family("trial")
            .description("Lets the agent answer during the stimulus: the decision period starts one step after stimulus onset and its "
                    + "ground truth is copied there; with end_on_stimulus the trial ends with the stimulus. Adds urgency "
                    + "to every step's reward and reports info 'reaction_time' (ms from stimulus onset) when a trial ends.")
            .params(URGENCY,
                    ParamSpec.bool("end_on_stimulus", true,
                            "End the trial when the stimulus ends; otherwise keep the task's timing and allow early answers."))
            .accepts("trial-based tasks with discrete actions and 'stimulus' and 'decision' periods, not already under ReactionTime",
                    ReactionTime::accepts)
            .build(ReactionTime::new);

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
    private double reactionTime;

    public ReactionTime(Env env, double urgency, boolean endOnStimulus) {
        super(env, () -> check(env, urgency));
        this.urgency = urgency;
        this.endOnStimulus = endOnStimulus;
        int[] fix = ((Discrete) env.actionSpace()).channels().get("fixation");
        this.fixation = fix == null ? 0 : fix[0];
    }

    public ReactionTime(Env env, Params params) {
        this(env, params.getDouble("urgency"), params.getBoolean("end_on_stimulus"));
    }

    private static boolean accepts(Env env) {
        TrialBased below = TrialBased.nearest(env);
        return below != null && !underReactionTime(env) && env.actionSpace() instanceof Discrete && below.tasks().stream()
                .allMatch(task -> task.timing().containsKey(DECISION) && task.timing().containsKey(STIMULUS));
    }

    /** The rule applies once: a second ReactionTime would move a decision period the first has moved and cut. */
    private static boolean underReactionTime(Env env) {
        for (Env e = env; e instanceof Wrapper w; e = w.inner()) {
            if (w instanceof ReactionTime) return true;
        }
        return false;
    }

    private static void check(Env env, double urgency) {
        URGENCY.convert(urgency); // the Java constructor meets the declared spec too
        if (underReactionTime(env)) throw new NeuroGymException("ReactionTime: " + env.name() + " is already under ReactionTime");
        if (!accepts(env)) {
            throw new NeuroGymException("ReactionTime needs a task with discrete actions and 'stimulus' and 'decision' periods, but "
                    + env.name() + " has actions " + env.actionSpace() + " and periods "
                    + TrialBased.nearest(env).tasks().stream().map(t -> t.name() + " " + t.timing().keySet()).toList());
        }
    }

    /**
     * Lets the decision start with the stimulus. A trial without a stimulus of two steps or more
     * followed by a decision, or without a ground truth, is left as it is (no answer is timed in it).
     */
    @Override
    protected void onNewTrial(Trial trial) {
        TrialEnv task = task();
        response = -1;
        decStart = decEnd = -1;
        int[] gt = trialGroundTruth();
        if (!task.hasPeriod(STIMULUS) || !task.hasPeriod(DECISION) || gt == null) return;
        stimStart = task.periodStart(STIMULUS);
        int stimEnd = task.periodEnd(STIMULUS);
        int start = task.periodStart(DECISION);
        if (stimEnd - stimStart < 2 || task.periodEnd(DECISION) <= start || start < stimStart) return;
        decEnd = task.periodEnd(DECISION);
        Arrays.fill(gt, stimStart + 1, stimEnd, gt[start]);
        movePeriod(DECISION, stimStart + 1, decEnd);
        if (endOnStimulus) shortenTrial(stimEnd);
        decStart = stimStart + 1;
    }

    @Override
    protected void onReset() {
        response = -1;
    }

    /** Notes the first answer; read before stepping, since a step that ends the trial builds the next one. */
    @Override
    protected int action(int action) {
        int t = stepIndex();
        if (response < 0 && action != fixation && t >= decStart && t < decEnd) response = t;
        reactionTime = response >= 0 ? (response - stimStart + 1) * dt() : Double.NaN;
        return action;
    }

    @Override
    protected double reward(double reward) {
        return reward + urgency;
    }

    @Override
    protected void onStep(StepResult result) {
        if (result.newTrial()) result.info().put(REACTION_TIME, reactionTime);
    }
}
