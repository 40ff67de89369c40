package org.neurogym.tasks.perceptual;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Go/no-go detection with reaction times: on go trials a brief pulse appears somewhere in a
 * noisy stimulus period and the agent must respond after it; on no-go trials the agent must
 * withhold its response.
 */
public final class Detection extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("Detection-v0")
            .family("perceptual")
            .tags("perceptual", "reaction time", "go-no-go", "supervised")
            .description("After fixation, a noisy stimulus input runs for a variable time. On go trials (half of them) "
                    + "a brief pulse is added to it after a random (or given) delay and the agent must respond 'go' "
                    + "once the pulse has begun; responding earlier fails, not responding is a miss. On no-go trials "
                    + "the agent must not respond. Both trial types have a ground truth: 'go' from the pulse onset to "
                    + "the end of the trial on go trials, fixation throughout on no-go trials.")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise, per sqrt(ms).").min(0),
                    ParamSpec.optional("delay", ParamType.NUMBER,
                            "Time in ms (>= 0) from the start of the stimulus period to the pulse onset; unset (the "
                                    + "default, as in the reference) draws it at random each trial.").min(0),
                    ParamSpec.number("stim_dur", 100, "Duration of the pulse in ms (at least one time step)."))
            .build(Detection::new);

    private final double sigma;
    private final int delaySteps; // -1: drawn each trial (delay not set)
    private final int stimDur;
    private final int extraStep;

    private boolean goTrial;
    private int pulseOnset; // the step at which a go trial's pulse begins

    public Detection(Params p) {
        super(p);
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        if (p.isSet("delay")) {
            double delay = p.getDouble("delay");
            delaySteps = wholeSteps(delay);
        } else {
            delaySteps = -1;
        }
        stimDur = wholeSteps(p.getDouble("stim_dur"));
        if (stimDur < 1) {
            throw new ParameterException("stim_dur", "stim_dur must last at least one time step (dt = " + dt
                    + " ms), got " + p.getDouble("stim_dur") + " ms");
        }
        // a one-step pulse leaves one more step after it to respond in
        extraStep = stimDur == 1 ? 1 : 0;

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", -1.0, "miss", -1.0);
        defineTiming(p, "fixation", 500, "stimulus", Timing.truncatedExponential(1000, 500, 1500));
        defineSpaces(
                Box.unbounded(2, Channel.of("fixation", 0), Channel.of("stimulus", 1)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", rng.integer(2), 0, 1);
        goTrial = groundTruth == 1;

        addPeriods("fixation", "stimulus");
        int start = periodStart("stimulus");
        int length = periodEnd("stimulus") - start;

        int delay = 0;
        if (goTrial) {
            if (delaySteps >= 0) {
                delay = delaySteps;
            } else {
                int maxDelay = length - stimDur - extraStep;
                delay = maxDelay <= 0 ? 0 : rng.integer(maxDelay);
            }
            delay = Math.min(delay, length);
        }
        pulseOnset = start + delay;
        trial.put("delay", delay * dt);

        setOb(1, "fixation", "fixation");
        addRandn(0, sigma, "stimulus", "stimulus"); // once, on both trial types
        setGroundTruth(0);
        if (goTrial) {
            addObSteps(0.5, pulseOnset, Math.min(pulseOnset + stimDur, start + length), "stimulus");
            setGroundTruthSteps(1, pulseOnset, start + length); // 'go' from the pulse onset to the end
        }
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation")) {
            if (action != 0) out.addReward(reward("abort")); // abort is always off in this task
        } else if (inPeriod("stimulus") && action != 0) {
            out.setNewTrial(true);
            if (goTrial && stepIndex() >= pulseOnset) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(reward("fail"));
                performance = 0;
            }
        }
    }

    /** A go trial that runs out of time is a miss; a withheld no-go trial is correct, but not rewarded. */
    @Override
    protected void onTrialTimeout(StepResult out) {
        if (goTrial) out.addReward(reward("miss"));
        else performance = 1;
    }
}
