package org.neurogym.tasks.timing;

import java.util.Arrays;
import org.neurogym.api.NeuroGymException;
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
 * Cued interval production: a cue tells which of two intervals (800 or 1500 ms) to produce, and
 * the agent must go that long after the set signal.
 */
public final class MotorTiming extends ProductionTask {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("MotorTiming-v0")
            .family("timing")
            .tags("timing", "go-no-go", "supervised")
            .description("Cued interval production. During the cue period one of two interval channels tells which "
                    + "interval to produce (800 or 1500 ms); the set signal follows, and then all inputs go off. The "
                    + "agent must go the cued interval after the end of set: a go within 20% (prod_margin) of it plus "
                    + "25 ms earns a reward that shrinks with the error (at least 10% of 'correct'), otherwise 'fail'. "
                    + "The ground truth is fixation, with one 'go' step at the target time. With the default dt of "
                    + "80 ms the 50 ms set period rounds down to no step at all, as in the reference.")
            .paper("Flexible timing by temporal scaling of cortical responses", "https://www.nature.com/articles/s41593-017-0028-6")
            .params(ParamSpec.dt(80),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    prodMarginParam())
            // production lasts twice the cued interval (not a timed period), each interval equally likely
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(env -> meanSteps(env, "fixation")
                    + meanSteps(env, "cue") + meanSteps(env, "set")
                    + Arrays.stream(intervals()).map(i -> Math.floor(2 * i / env.dt())).average().orElseThrow()))
            .build(MotorTiming::new);

    private static final double[] INTERVALS = {800, 1500};

    // the current trial, for onStep
    private double production;

    public MotorTiming(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 500, "cue", Timing.uniform(1000, 3000), "set", 50);
        defineSpaces(
                Box.unbounded(4, Channel.of("fixation", 0), Channel.range("interval", 1, 3), Channel.of("set", 3)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
    }

    /** The intervals to produce, in ms, one per interval channel. */
    public static double[] intervals() {
        return INTERVALS.clone();
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int index = trial.setDefault("production_ind", rng.integer(INTERVALS.length));
        if (index < 0 || index >= INTERVALS.length) {
            throw new NeuroGymException("trial fact 'production_ind' must be 0 or 1, got " + index);
        }
        production = INTERVALS[index];
        trial.put("production", production);

        addPeriods("fixation", "cue", "set");
        addPeriodAfter("production", "set", 2 * production);
        // the single go step lies the cued interval after the end of set (none if dt is too coarse to fit it)
        int go = periodEnd("set") + (int) Math.floor(production / dt);

        setOb(new double[] {1, 0, 0, 0}, "fixation");
        addOb(1, "cue", "fixation");
        addOb(1, "cue", 1 + index);
        addOb(1, "set", "fixation");
        addOb(1, "set", 1 + index);
        addOb(1, "set", "set");

        setGroundTruth(0);
        if (go < periodEnd("production")) setGroundTruthSteps(1, go, go + 1);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        fixateThenProduce(action, out, "set", production);
    }
}
