package org.neurogym.api;

import java.util.Map;

/**
 * A wrapper that changes how trials are made. On construction it becomes the "top" of the tasks
 * below it ({@link TrialBased#setTop}): whenever a trial starts, at reset or when the previous one
 * ends, the task asks the outermost trial wrapper for it, so the wrapper's {@link #newTrial} (e.g.
 * imposing a biased ground truth) is always used. Over a wrapper that runs trials from several envs,
 * the top reaches every env's task.
 */
public abstract class TrialWrapper extends Wrapper implements TrialBased {
    /** The nearest trial-based env below this wrapper. */
    protected final TrialBased trialEnv;

    protected TrialWrapper(Env env) {
        super(env);
        TrialBased tb = TrialBased.nearest(env);
        if (tb == null) {
            throw new NeuroGymException(getClass().getSimpleName() + " is a trial wrapper and needs a trial-based task, but "
                    + env.name() + " is not one");
        }
        this.trialEnv = tb;
        tb.setTop(this);
    }

    /** Passes the new top to the env below; a wrapper holding several envs passes it to each of them. */
    @Override
    public void setTop(TrialBased top) {
        trialEnv.setTop(top);
    }

    /** By default the inner env makes the trial; override to change it. */
    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        return trialEnv.newTrial(kwargs);
    }

    /**
     * Moves {@code period} of the trial just built to steps {@code startStep} (inclusive) ..
     * {@code endStep} (exclusive), within the trial: for wrappers that change a trial's structure
     * (e.g. letting the decision start with the stimulus). Call it in {@link #newTrial}, after the
     * inner env built the trial.
     */
    protected final void movePeriod(String period, int startStep, int endStep) {
        task().reshapePeriod(period, startStep, endStep);
    }

    /** Ends the trial just built after {@code steps} steps (e.g. with the stimulus). Call it in {@link #newTrial}. */
    protected final void shortenTrial(int steps) {
        task().shortenTrial(steps);
    }

    @Override
    public Trial trial() {
        return trialEnv.trial();
    }

    @Override
    public int stepIndex() {
        return trialEnv.stepIndex();
    }

    @Override
    public int trialLength() {
        return trialEnv.trialLength();
    }

    @Override
    public float[] trialObservations() {
        return trialEnv.trialObservations();
    }

    @Override
    public byte[] trialFrames() {
        return trialEnv.trialFrames();
    }

    @Override
    public int[] trialGroundTruth() {
        return trialEnv.trialGroundTruth();
    }

    @Override
    public float[] trialGroundTruthVector() {
        return trialEnv.trialGroundTruthVector();
    }

    @Override
    public boolean hasGroundTruth() {
        return trialEnv.hasGroundTruth();
    }

    /** The task below; a wrapper holding several envs returns the task of the current trial's env. */
    @Override
    public TrialEnv task() {
        return trialEnv.task();
    }
}
