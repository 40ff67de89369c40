package org.neurogym.tasks.timing;

import org.neurogym.api.Choices;
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

/** Interval discrimination: two stimuli of random durations; the agent reports which lasted longer. */
public final class IntervalDiscrimination extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("IntervalDiscrimination-v0")
            .family("timing")
            .tags("timing", "working memory", "delayed response", "two-alternative", "supervised")
            .description("Duration comparison. Two stimuli on separate channels are shown one after the other with "
                    + "a delay between them, each lasting a randomly drawn time; after a second delay the inputs go "
                    + "off and the agent reports which stimulus lasted longer. The answer is choice 1 only when the "
                    + "first stimulus was strictly longer (equal durations, which flooring to dt makes common, call "
                    + "for choice 2). The ground truth is fixation, then that choice in the decision period.")
            .paper("Feature- and Order-Based Timing Representations in the Frontal Cortex",
                    "https://www.sciencedirect.com/science/article/pii/S0896627309004887")
            .params(ParamSpec.dt(80), ParamSpec.rewards(), ParamSpec.timing())
            .build(IntervalDiscrimination::new);

    public IntervalDiscrimination(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p,
                "fixation", 300,
                "stim1", Timing.uniform(300, 600),
                "delay1", Timing.uniform(800, 1500),
                "stim2", Timing.uniform(300, 600),
                "delay2", 500,
                "decision", 300);
        defineSpaces(
                Box.unbounded(3, Channel.of("fixation", 0), Channel.of("stim1", 1), Channel.of("stim2", 2)),
                new Discrete(3, Channel.of("fixation", 0), Channel.of("choice1", 1), Channel.of("choice2", 2)));
        defineChoices(Choices.numbered(1, 1, 2)); // first or second interval longer
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // Each stimulus is drawn when the periods before it are in place, so that an 'until' timing
        // counts from the trial start.
        addPeriod("fixation");
        double duration1 = trial.setDefault("duration1", sampleTime("stim1"));
        addPeriodAfter("stim1", "fixation", duration1);
        addPeriodAfter("delay1", "stim1");
        double duration2 = trial.setDefault("duration2", sampleTime("stim2"));
        addPeriodAfter("stim2", "delay1", duration2);
        addPeriodAfter("delay2", "stim2");
        addPeriodAfter("decision", "delay2");
        // Compared as shown, in whole steps: an imposed duration is floored to dt like the period it sets,
        // so two durations that fill the same number of steps are a tie (choice 2).
        int steps1 = periodEnd("stim1") - periodStart("stim1");
        int steps2 = periodEnd("stim2") - periodStart("stim2");
        int groundTruth = steps1 > steps2 ? 1 : 2;
        trial.put("ground_truth", groundTruth);

        addOb(1, null, "fixation");
        addOb(1, "stim1", "stim1");
        addOb(1, "stim2", "stim2");
        setOb(0, "decision");

        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.FIXATION_PERIOD, false);  // the reference never aborts this task
    }
}
