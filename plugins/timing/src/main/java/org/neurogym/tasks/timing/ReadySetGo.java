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
 * Ready-set-go: the interval between a "ready" and a "set" flash must be reproduced (scaled by
 * {@code gain}) by responding that long after "set".
 */
public final class ReadySetGo extends ProductionTask {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ReadySetGo-v0")
            .family("timing")
            .tags("timing", "go-no-go", "supervised")
            .description("Interval reproduction. After fixation a 'ready' flash starts a randomly drawn measured "
                    + "interval, which a 'set' flash ends; the fixation cue then goes off and the agent must 'go' "
                    + "gain x the measured interval after the onset of 'set'. A go within 20% (prod_margin) of the "
                    + "target plus 25 ms earns a reward that shrinks with the error (at least 10% of 'correct'); a "
                    + "later or earlier go earns 'fail'. The ground truth is fixation, with one 'go' step at the target time.")
            .paper("Flexible Sensorimotor Computations through Rapid Reconfiguration of Cortical Dynamics",
                    "https://www.sciencedirect.com/science/article/pii/S0896627318304185")
            .params(ParamSpec.dt(80),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("gain", 1, "Factor from the measured interval to the interval to produce.").positive(),
                    prodMarginParam())
            // ready overlaps measure, and production lasts twice gain x measure: a trial is
            // fixation + (1 + 2 gain) x measure + set (with the default gain 1, fixation + 3 x measure + set)
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(env -> meanSteps(env, "fixation")
                    + (1 + 2 * ((ReadySetGo) env).gain) * meanSteps(env, "measure") + meanSteps(env, "set")))
            .build(ReadySetGo::new);

    private final double gain;

    // the current trial, for onStep
    private double production;

    public ReadySetGo(Params p) {
        super(p);
        gain = p.getDouble("gain");
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, "fixation", 100, "ready", 83, "measure", Timing.uniform(800, 1500), "set", 83);
        defineSpaces(
                Box.unbounded(3, Channel.of("fixation", 0), Channel.of("ready", 1), Channel.of("set", 2)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // Fixation first, so that an 'until' timing of the measure counts from the trial start.
        addPeriod("fixation");
        // a given measure is floored to whole steps like a drawn one, so the period shown and the target agree
        double measure = Math.floor(trial.setDefault("measure", sampleTime("measure")) / dt) * dt;
        trial.put("measure", measure);
        double trialGain = trial.setDefault("gain", gain);
        production = measure * trialGain;
        trial.put("production", production);

        // ready and measure both start when fixation ends: the measured interval runs from ready onset to set onset
        addPeriodAfter("ready", "fixation");
        addPeriodAfter("measure", "fixation", measure);
        addPeriodAfter("set", "measure");
        addPeriodAfter("production", "set", 2 * production);

        // Fix of the reference: the go step lies the target time after the onset of set (the end of
        // measure), where the reward rule puts it, not after the end of set. A target shorter than set
        // falls on the first production step, the earliest go that counts.
        int go = Math.max(periodEnd("measure") + (int) Math.floor(production / dt), periodStart("production"));
        boolean hasGo = go < periodEnd("production");

        addOb(1, null, "fixation");
        setOb(0, "production", "fixation");
        addOb(1, "ready", "ready");
        addOb(1, "set", "set");

        setGroundTruth(0);
        if (hasGo) setGroundTruthSteps(1, go, go + 1);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        // the produced interval counts from the onset of set, i.e. the end of the measured interval
        fixateThenProduce(action, out, "measure", production);
    }
}
