package org.neurogym.tasks.modcog;

import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;

/**
 * Mod-Cog's two extensions of a yang19 trial, applied to the trial matrices once the yang19 task
 * has built them (so stepping, the judgement and datasets all see them):
 * <ul>
 * <li>"int" in the reach family: the stimulus is drawn again, rotated by {@code integrate * 0.01}
 *     radians per ms of the trial's delay; the answer stays the unrotated direction.</li>
 * <li>"int" in the decision-making and matching families: the answer is rotated by
 *     {@code integrate * floor(0.01 * delay)} ring steps.</li>
 * <li>"seq": at the {@code t}-th step of the decision the answer is rotated by
 *     {@code seq * floor(0.01 * dt * t)} ring steps.</li>
 * </ul>
 * A fixation ground truth (a no-go trial) is never rotated. Trial facts: {@code answer} (the
 * direction due at the decision's first step, or -1 on a no-go trial), and for reach "int"
 * {@code stim_theta} (the rotated stimulus direction, radians).
 */
final class RingExtension extends TrialWrapper {
    private static final String DECISION = "decision";
    private static final String DELAY = "delay";

    private final Extension extension;
    private final int dimRing;
    private final int[][] stimulusChannels;

    RingExtension(Env task, Extension extension) {
        super(task);
        this.extension = extension;
        this.dimRing = ((Discrete) task.actionSpace()).n() - 1;
        Map<String, int[]> channels = ((Box) task.observationSpace()).channels();
        stimulusChannels = new int[][] {channels.get("stimulus_mod1"), channels.get("stimulus_mod2")};
    }

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Trial trial = trialEnv.newTrial(kwargs);
        TrialEnv task = task();
        int[] gt = trialEnv.trialGroundTruth();
        int decStart = task.periodStart(DECISION);
        int decEnd = task.periodEnd(DECISION);
        if (extension.integrate() != 0) {
            double delayMs = (task.periodEnd(DELAY) - task.periodStart(DELAY)) * task.dt();
            if (extension.family() == Extension.Family.REACH) {
                redrawStimulus(trial, task, extension.integrate() * Extension.OMEGA * delayMs);
            } else {
                // Fix: whole ring steps, free of the reference's floating-point error (0.01 * 700 > 7).
                int steps = (int) Math.floor(Extension.OMEGA * delayMs + 1e-9);
                for (int t = decStart; t < decEnd; t++) gt[t] = rotate(gt[t], extension.integrate() * steps);
            }
        }
        if (extension.seq() != 0) {
            for (int t = decStart; t < decEnd; t++) {
                int steps = (int) Math.floor(Extension.OMEGA * task.dt() * (t - decStart) + 1e-9);
                gt[t] = rotate(gt[t], extension.seq() * steps);
            }
        }
        trial.put("answer", decEnd > decStart ? gt[decStart] - 1 : -1);
        return trial;
    }

    /** The answer action {@code action} (1 + direction) moved by {@code steps} on the ring; fixation stays. */
    private int rotate(int action, int steps) {
        // Fix: the reference rotates the action index modulo dim_ring, turning the last direction into fixation.
        return action == 0 ? 0 : 1 + Math.floorMod(action - 1 + steps, dimRing);
    }

    /** Rewrites the stimulus period's bump at the rotated direction, in the trial's modality. */
    private void redrawStimulus(Trial trial, TrialEnv task, double rotation) {
        int direction = trial.getInt("ground_truth");
        boolean anti = Boolean.TRUE.equals(trial.get("anti"));
        double loc = 2 * Math.PI * direction / dimRing + rotation + (anti ? Math.PI : 0);
        loc = ((loc % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        trial.put("stim_theta", loc);
        int[] channel = stimulusChannels[trial.getInt("modality")];
        if (channel == null || channel.length != dimRing) {
            throw new NeuroGymException(task.name() + " has no ring of " + dimRing + " stimulus units to rotate");
        }
        float[] ob = trialEnv.trialObservations();
        int obSize = ((Box) task.observationSpace()).size();
        for (int t = task.periodStart("stimulus"); t < task.periodEnd("stimulus"); t++) {
            for (int i = 0; i < dimRing; i++) ob[t * obSize + channel[i]] = (float) gaussianBump(loc, 2 * Math.PI * i / dimRing);
        }
    }

    /**
     * Mod-Cog's (and yang19's) bump of activity: a peak of 0.8 at {@code loc}, width pi/8 measured
     * on the circle, at the unit whose preferred direction is {@code theta}.
     */
    static double gaussianBump(double loc, double theta) {
        double d = Math.abs(loc - theta) % (2 * Math.PI);
        d = Math.min(d, 2 * Math.PI - d) / (Math.PI / 8);
        return 0.8 * Math.exp(-d * d / 2);
    }
}
