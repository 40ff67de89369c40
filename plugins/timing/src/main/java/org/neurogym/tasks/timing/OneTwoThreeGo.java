package org.neurogym.tasks.timing;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * 1-2-3-go: three stimuli separated by the same interval; the agent must go one more interval
 * after the third.
 */
public final class OneTwoThreeGo extends ProductionTask {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("OneTwoThreeGo-v0")
            .family("timing")
            .tags("timing", "go-no-go", "supervised")
            .description("Interval reproduction from two samples. After fixation a target appears, then three brief "
                    + "stimuli separated by the same randomly chosen interval; the agent must go one interval after "
                    + "the third stimulus. Going in the last interval or the response period ends the trial: within "
                    + "20% (prod_margin) of the interval plus 25 ms it earns a reward that shrinks with the error (at "
                    + "least 10% of 'correct'), otherwise 'fail'. Going earlier costs the abort reward. The ground "
                    + "truth is fixation, then 'go' throughout the response period. The interval is drawn from the "
                    + "interval1 timing; interval2 and interval3 always repeat it, so their timings are not used.")
            .paper("Internal models of sensorimotor integration regulate cortical dynamics",
                    "https://www.nature.com/articles/s41593-019-0500-6")
            .params(ParamSpec.dt(80),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    prodMarginParam())
            // the three intervals all take the duration drawn for interval1
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(env -> meanSteps(env, "fixation")
                    + meanSteps(env, "target") + meanSteps(env, "s1") + meanSteps(env, "s2") + meanSteps(env, "s3")
                    + meanSteps(env, "response") + 3 * meanSteps(env, "interval1")))
            .build(OneTwoThreeGo::new);

    // the current trial, for onStep
    private double interval;

    public OneTwoThreeGo(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p,
                "fixation", Timing.truncatedExponential(400, 100, 800),
                "target", Timing.truncatedExponential(1000, 500, 1500),
                "s1", 100,
                "interval1", Timing.choice(600, 700, 800, 900, 1000),
                "s2", 100,
                "interval2", 0,
                "s3", 100,
                "interval3", 0,
                "response", 1000);
        defineSpaces(
                Box.unbounded(3, Channel.of("fixation", 0), Channel.of("stimulus", 1), Channel.of("target", 2)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // The periods before interval1 come first, so that an 'until' timing of interval1 counts from the trial start.
        addPeriods("fixation", "target", "s1");
        // a given interval is floored to whole steps like a drawn one, so the periods shown and the target agree
        interval = Math.floor(trial.setDefault("interval", sampleTime("interval1")) / dt) * dt;
        trial.put("interval", interval);

        addPeriodAfter("interval1", "s1", interval);
        addPeriodAfter("s2", "interval1");
        addPeriodAfter("interval2", "s2", interval);
        addPeriodAfter("s3", "interval2");
        addPeriodAfter("interval3", "s3", interval);
        addPeriodAfter("response", "interval3");

        addOb(1, null, "fixation");
        addOb(1, "s1", "stimulus");
        addOb(1, "s2", "stimulus");
        addOb(1, "s3", "stimulus");
        addOb(1, null, "target");
        setOb(0, "fixation", "target");

        setGroundTruth(1, "response");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("interval3") || inPeriod("response")) {
            if (action == 1) {
                out.setNewTrial(true);
                out.addReward(judgeProduction(time() - endTime("s3"), interval));
            }
        } else if (action != 0) {
            out.addReward(reward("abort")); // the reference never aborts this task
        }
    }
}
