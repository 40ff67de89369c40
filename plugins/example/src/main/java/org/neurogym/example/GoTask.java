package org.neurogym.example;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Hold fixation, then respond as soon as the go cue appears. Breaking fixation early costs a
 * little and ends the trial; responding during the go period is rewarded; missing it earns
 * nothing. The cue is shown with Gaussian noise of strength {@code sigma}.
 */
public final class GoTask extends TrialEnv {
    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ExampleGo-v0")
            .family("example").tags("example", "reaction", "supervised")
            .description("Fixate, then respond when the go cue appears (a third-party example plugin).")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                    ParamSpec.number("sigma", 0.0, "Standard deviation of the noise added to the go cue.").min(0))
            .build(GoTask::new);

    private final double sigma;

    public GoTask(Params p) {
        super(p);
        sigma = p.getDouble("sigma");
        defineRewards(p, "correct", 1.0, "abort", -0.1);
        defineTiming(p, "fixation", 500, "go", Timing.uniform(300, 600));
        defineSpaces(Box.unbounded(2, Channel.of("fixation", 0), Channel.of("go", 1)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("respond", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        addPeriods("fixation", "go");
        addOb(1, "fixation", "fixation");
        addOb(1, "go", "go");
        if (sigma > 0) addRandn(0, sigma, "go", "go");
        setGroundTruth(1, "go");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation")) {
            if (action != 0) {
                out.addReward(reward("abort"));
                out.setNewTrial(true);
            }
        } else if (inPeriod("go") && action == 1) {
            out.addReward(reward("correct"));
            out.setNewTrial(true);
            performance = 1;
        }
    }
}
