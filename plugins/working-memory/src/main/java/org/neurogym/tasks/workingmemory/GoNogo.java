package org.neurogym.tasks.workingmemory;

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

/**
 * Go/No-go: a Go or a No-go stimulus, a delay, then a decision period in which the agent must
 * press Go after a Go stimulus and withhold after a No-go stimulus.
 */
public final class GoNogo extends TrialEnv {
    /** The periods of every trial, in order (a constant: no varargs array per trial). */
    private static final String[] PERIODS = {"fixation", "stimulus", "delay", "decision"};

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("GoNogo-v0")
            .family("working-memory")
            .tags("delayed response", "go-no-go", "supervised")
            .description("Either the 'go' or the 'nogo' input is on during the stimulus period; after a delay the "
                    + "fixation input goes off for the decision. After 'go' the agent must press Go (a miss costs "
                    + "the 'miss' reward at the end of the trial); after 'nogo' pressing costs the 'fail' reward and "
                    + "withholding is a correct trial.")
            .paper("Active information maintenance in working memory by a sensory cortex",
                    "https://elifesciences.org/articles/43191")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing())
            .build(GoNogo::new);

    private boolean goTrial;

    public GoNogo(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", -0.5, "miss", -0.5);
        defineTiming(p, "fixation", 0, "stimulus", 500, "delay", 500, "decision", 500);
        defineSpaces(
                Box.unbounded(3, Channel.of("fixation", 0), Channel.of("nogo", 1), Channel.of("go", 2)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
        defineChoices(Choices.numbered(0, 0, 1)); // no-go (fixate), go
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int groundTruth = trial.setDefaultWithin("ground_truth", rng.integer(2), 0, 1);
        goTrial = groundTruth == 1;
        // A withheld No-go trial is correct unless the agent answers (the reference presets this too,
        // but its base class then resets it to 0; see the deviations).
        performance = goTrial ? 0 : 1;

        addPeriods(PERIODS);

        addOb(1, null, "fixation");
        addOb(1, "stimulus", goTrial ? "go" : "nogo");
        setOb(0, "decision");
        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation")) {
            if (action != 0) out.addReward(reward("abort")); // the reference never aborts these tasks
        } else if (inPeriod("decision") && action != 0) {
            out.setNewTrial(true);
            if (goTrial) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(reward("fail"));
                performance = 0;
            }
        }
    }

    /** A Go trial that runs out of time costs the miss reward; a No-go trial costs nothing. */
    @Override
    protected void onTrialTimeout(StepResult out) {
        if (goTrial) out.addReward(reward("miss"));
    }
}
