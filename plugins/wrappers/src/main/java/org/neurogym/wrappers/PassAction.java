package org.neurogym.wrappers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;

/**
 * Appends the previous action to the observation, channel {@code action}: one element for a
 * discrete action space, one per action element for a Box (zeros at the start of an episode).
 *
 * <p>In the trial matrix the channel holds what an agent acting the ground truth did (teacher
 * forcing): row {@code t} holds the ground truth of step {@code t - 1}, row 0 the last ground
 * truth of the previous trial (zeros for the first trial of an episode, or without ground truth).
 */
public final class PassAction extends ExtendedTrials {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("PassAction",
            "Appends the previous step's action to the observation (channel 'action'). In trial matrices "
                    + "(supervised datasets) the channel holds the previous step's ground-truth action (teacher forcing); "
                    + "row 0 holds the previous trial's last ground truth, or 0 at the start of an episode.",
            List.of(), PassAction::new);

    private final boolean discrete;
    private final float[] carried;
    private boolean fresh = true;

    public PassAction(Env env) {
        super("PassAction", env, Math.max(1, Results.actionSize(env.actionSpace())), "action");
        this.discrete = Results.actionSize(env.actionSpace()) == 0;
        this.carried = new float[extra];
    }

    public PassAction(Env env, Params params) {
        this(env);
    }

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Arrays.fill(carried, 0f);
        TrialBased s = source();
        if (!fresh && s.trial() != null && s.hasGroundTruth() && s.trialLength() > 0) {
            writeGroundTruth(s, s.trialLength() - 1, carried, 0);
        }
        fresh = false;
        return super.newTrial(kwargs);
    }

    @Override
    protected void beforeUnseenTrial() {
        Arrays.fill(carried, 0f);
    }

    @Override
    protected void fillTrialExtra(float[] m, int rows) {
        TrialBased s = source();
        for (int t = 0; t < rows; t++) {
            int at = t * width + innerSize;
            if (t == 0) System.arraycopy(carried, 0, m, at, extra);
            else if (s.hasGroundTruth()) writeGroundTruth(s, t - 1, m, at);
        }
    }

    private void writeGroundTruth(TrialBased s, int step, float[] dst, int at) {
        if (discrete) {
            int[] gt = s.trialGroundTruth();
            if (gt != null) dst[at] = gt[step];
        } else {
            float[] gt = s.trialGroundTruthVector();
            if (gt != null) System.arraycopy(gt, step * extra, dst, at, extra);
        }
    }

    @Override
    public float[] reset(long seed) {
        fresh = true;
        return super.reset(seed);
    }

    @Override
    public float[] reset() {
        fresh = true;
        return super.reset();
    }

    @Override
    public StepResult step(int action) {
        StepResult r = begin(env.step(action));
        r.observation()[innerSize] = action;
        return finish();
    }

    @Override
    public StepResult step(float[] action) {
        StepResult r = begin(env.step(action));
        System.arraycopy(action, 0, r.observation(), innerSize, extra);
        return finish();
    }
}
