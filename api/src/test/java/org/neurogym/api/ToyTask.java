package org.neurogym.api;

import org.neurogym.api.space.Box;
import org.neurogym.api.space.Space;

/**
 * A configurable toy task for the tests of this package: the trial body and the step body are
 * lambdas, which may call the protected helpers of {@link TrialEnv} (same package).
 */
final class ToyTask extends TrialEnv {

    interface TrialBody {
        void build(ToyTask task, Trial trial);
    }

    interface StepBody {
        void judge(ToyTask task, int action, StepResult out);
    }

    interface VectorStepBody {
        void judge(ToyTask task, float[] action, StepResult out);
    }

    TrialBody trialBody = (task, trial) -> {};
    StepBody stepBody = (task, action, out) -> {};
    VectorStepBody vectorStepBody = (task, action, out) -> {};
    java.util.function.Consumer<ToyTask> resetBody = task -> {};
    java.util.function.BiConsumer<ToyTask, StepResult> timeoutBody = (task, out) -> {};

    /** @param timing period, timing pairs as {@link TrialEnv#defineTiming} reads them */
    ToyTask(double dt, Box observation, Space action, Object... timing) {
        super(dt);
        defineTiming(null, timing);
        defineSpaces(observation, action);
    }

    ToyTask onTrial(TrialBody body) {
        this.trialBody = body;
        return this;
    }

    ToyTask onStep(StepBody body) {
        this.stepBody = body;
        return this;
    }

    ToyTask onVectorStep(VectorStepBody body) {
        this.vectorStepBody = body;
        return this;
    }

    ToyTask onResetDo(java.util.function.Consumer<ToyTask> body) {
        this.resetBody = body;
        return this;
    }

    ToyTask onTimeoutDo(java.util.function.BiConsumer<ToyTask, StepResult> body) {
        this.timeoutBody = body;
        return this;
    }

    /** The reference's {@code r_tmax}: a reward added when a trial runs out of time. */
    ToyTask withTimeoutReward(double r) {
        return onTimeoutDo((task, out) -> out.addReward(r));
    }

    @Override
    protected void onTrialTimeout(StepResult out) {
        timeoutBody.accept(this, out);
    }

    @Override
    protected void onNewTrial(Trial trial) {
        trialBody.build(this, trial);
    }

    @Override
    protected void onReset() {
        resetBody.accept(this);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        stepBody.judge(this, action, out);
    }

    @Override
    protected void onStep(float[] action, StepResult out) {
        vectorStepBody.judge(this, action, out);
    }

    /** Row {@code t} of the current trial's observation matrix, copied. */
    float[] row(int t) {
        float[] out = new float[observationSize()];
        System.arraycopy(trialObservations(), t * observationSize(), out, 0, out.length);
        return out;
    }

    /** Element {@code c} of row {@code t} of the current trial's observations. */
    float at(int t, int c) {
        return trialObservations()[t * observationSize() + c];
    }
}
