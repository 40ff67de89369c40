package org.neurogym.wrappers;

import java.util.Arrays;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.ObservationWrapper;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Appends the previous action to the observation, channel {@code action}: one element for a
 * discrete action space, one per action element for a Box (zeros at the start of an episode).
 *
 * <p>In the trial matrix the channel holds what an agent acting the ground truth did (teacher
 * forcing): row {@code t} holds the ground truth of step {@code t - 1}, row 0 the last ground
 * truth of the previous trial (zeros for the first trial of an episode, or without ground truth).
 */
public final class PassAction extends ObservationWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("PassAction").family("observation")
            .description("Appends the previous step's action to the observation (channel 'action'). In trial matrices "
                    + "(supervised datasets) the channel holds the previous step's ground-truth action (teacher forcing); "
                    + "row 0 holds the previous trial's last ground truth, or 0 at the start of an episode.")
            .accepts(Accepts.TRIAL_BASED)
            .liveChannels("action")
            .build(PassAction::new);

    private final int size;
    private final int at;
    private final float[] previous;
    private final float[] carried;
    private boolean fresh = true;

    public PassAction(Env env) {
        super(env);
        this.size = env.actionSpace() instanceof Box b ? b.size() : 1;
        this.at = addChannel("action", size);
        this.previous = new float[size];
        this.carried = new float[size];
    }

    public PassAction(Env env, Params params) {
        this(env);
    }

    @Override
    protected void onReset() {
        fresh = true;
    }

    /** Carries the last ground truth of the trial that ends into row 0 of the next. */
    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Arrays.fill(carried, 0f);
        TrialBased s = source();
        if (!fresh && s.trial() != null && s.hasGroundTruth() && s.trialLength() > 0) groundTruth(s, s.trialLength() - 1, carried, 0);
        fresh = false;
        return super.newTrial(kwargs);
    }

    @Override
    protected void observation(float[] ob, int row, int step) {
        if (step == 0) System.arraycopy(carried, 0, ob, row + at, size);
        else if (source().hasGroundTruth()) groundTruth(source(), step - 1, ob, row + at);
    }

    private void groundTruth(TrialBased s, int step, float[] dst, int to) {
        if (s.trialGroundTruth() != null) dst[to] = s.trialGroundTruth()[step];
        else if (s.trialGroundTruthVector() != null) System.arraycopy(s.trialGroundTruthVector(), step * size, dst, to, size);
    }

    @Override
    protected int action(int action) {
        previous[0] = action;
        return action;
    }

    @Override
    protected float[] action(float[] action) {
        System.arraycopy(action, 0, previous, 0, size);
        return action;
    }

    @Override
    protected void onStep(StepResult result) {
        System.arraycopy(previous, 0, result.observation(), at, size);
    }
}
