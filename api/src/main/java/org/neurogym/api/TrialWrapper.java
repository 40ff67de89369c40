package org.neurogym.api;

import java.util.Map;

/**
 * A wrapper that changes how trials are made. On construction it becomes the "top" of the tasks
 * below it ({@link TrialBased#setTop}): whenever a trial starts, at reset or when the previous one
 * ends, the task asks the outermost trial wrapper for it, so the wrapper's trial hooks always run.
 * Over a wrapper that runs trials from several envs, the top reaches every env's task.
 *
 * <p>Besides {@link Wrapper}'s hooks, a trial wrapper overrides {@link #trialFacts} to impose facts
 * on the trial to build (e.g. a biased {@code ground_truth}) and {@link #onNewTrial} to change the
 * trial just built (its ground truth in place, a period's bounds, its length).
 */
public abstract class TrialWrapper extends Wrapper implements TrialBased {
    /** The nearest trial-based env below this wrapper. */
    protected final TrialBased trialEnv;

    /** Wraps {@code env}, refusing it unless a trial-based env lies below. */
    protected TrialWrapper(Env env) {
        this(env, new Runnable[0]);
    }

    /**
     * Wraps {@code env}, refusing it unless a trial-based env lies below. The {@code checks} run
     * before the wrapper becomes the top of the tasks below, so a refused wrapper (a check throws)
     * leaves the env as it was: check the wrapper's parameters against the env there.
     */
    protected TrialWrapper(Env env, Runnable... checks) {
        super(env);
        TrialBased below = TrialBased.nearest(env);
        if (below == null) {
            throw new NeuroGymException(getClass().getSimpleName() + " is a trial wrapper and needs a trial-based task, but "
                    + env.name() + " is not one");
        }
        for (Runnable check : checks) check.run();
        this.trialEnv = below;
        below.setTop(this);
    }

    // ------------------------------------------------------------------ trial hooks

    /** The facts imposed on the trial to build, from those given by the caller; return a new map to change them. */
    protected Map<String, ?> trialFacts(Map<String, ?> given) {
        return given;
    }

    /** Called with each trial just built below, before wrappers further out see it: change it here. */
    protected void onNewTrial(Trial trial) {}

    /**
     * The trial-based env whose trials this wrapper passes on: the nearest one below, or, for a
     * wrapper that runs trials from several envs, the one of the current trial.
     */
    protected TrialBased source() {
        return trialEnv;
    }

    /** Builds a trial below with {@link #trialFacts} and hands it to {@link #onNewTrial}. */
    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Trial trial = source().newTrial(trialFacts(kwargs));
        onNewTrial(trial);
        trialBuilt();
        return trial;
    }

    /** After {@link #onNewTrial}: where an {@link ObservationWrapper} builds its matrix. */
    void trialBuilt() {}

    /** Passes the new top to the env below; a wrapper holding several envs passes it to each of them. */
    @Override
    public void setTop(TrialBased top) {
        trialEnv.setTop(top);
    }

    /**
     * Moves {@code period} of the trial just built to steps {@code startStep} (inclusive) ..
     * {@code endStep} (exclusive), within the trial: for wrappers that change a trial's structure
     * (e.g. letting the decision start with the stimulus). Call it in {@link #onNewTrial}.
     */
    protected final void movePeriod(String period, int startStep, int endStep) {
        task().reshapePeriod(period, startStep, endStep);
    }

    /** Ends the trial just built after {@code steps} steps (e.g. with the stimulus). Call it in {@link #onNewTrial}. */
    protected final void shortenTrial(int steps) {
        task().shortenTrial(steps);
    }

    // ------------------------------------------------------------------ delegation

    @Override
    public Trial trial() {
        return source().trial();
    }

    @Override
    public int stepIndex() {
        return source().stepIndex();
    }

    @Override
    public int trialLength() {
        return source().trialLength();
    }

    @Override
    public float[] trialObservations() {
        return source().trialObservations();
    }

    @Override
    public byte[] trialFrames() {
        return trialEnv.trialFrames();
    }

    @Override
    public int[] trialGroundTruth() {
        return source().trialGroundTruth();
    }

    @Override
    public float[] trialGroundTruthVector() {
        return source().trialGroundTruthVector();
    }

    @Override
    public boolean hasGroundTruth() {
        return source().hasGroundTruth();
    }

    /** The task below; a wrapper holding several envs returns the task of the current trial's env. */
    @Override
    public TrialEnv task() {
        return source().task();
    }

    @Override
    public java.util.List<TrialEnv> tasks() {
        return source().tasks();
    }
}
