package org.neurogym.tasks.workingmemory;

import java.util.Arrays;
import org.neurogym.api.NeuroGymException;
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
 * Delayed paired association: two of four stimuli are shown one after the other with delays;
 * half of the possible pairs call for a Go response in the decision period, the others for none.
 */
public final class DelayPairedAssociation extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DelayPairedAssociation-v0")
            .family("working-memory")
            .tags("perceptual", "working memory", "go-no-go", "supervised")
            .description("One of the pairs (1,3), (1,4), (2,3), (2,4) of the four stimulus inputs is shown, first "
                    + "element, delay, second element, delay. The pairs (1,3) and (2,4) are Go pairs: the agent must "
                    + "press Go in the decision period. For the others it must withhold, which counts as a correct "
                    + "trial; missing a Go costs the 'miss' reward when the trial times out.")
            .paper("Active information maintenance in working memory by a sensory cortex",
                    "https://elifesciences.org/articles/43191")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.number("sigma", 1.0, "Input noise per sqrt(ms); declared by the reference task, which applies no noise.").min(0))
            .build(DelayPairedAssociation::new);

    /** The stimulus pairs, as observation indices (1-4). */
    static final int[][] PAIRS = {{1, 3}, {1, 4}, {2, 3}, {2, 4}};
    /** A pair is a Go pair when the difference of its stimuli, modulo 2, equals this. */
    static final int ASSOCIATION = 0;

    private boolean goTrial;

    public DelayPairedAssociation(Params p) {
        super(p);
        // sigma is declared by the reference, which applies no noise in this task; neither do we

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", -1.0, "miss", 0.0);
        defineTiming(p, "fixation", 0, "stim1", 1000, "delay_btw_stim", 1000, "stim2", 1000,
                "delay_aft_stim", 1000, "decision", 500);
        defineSpaces(
                Box.unbounded(5, Channel.of("fixation", 0), Channel.range("stimulus", 1, 5)),
                new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
    }

    /** 1 when {@code pair} calls for Go, else 0. */
    static int isGo(int[] pair) {
        return Math.floorMod(pair[1] - pair[0], 2) == ASSOCIATION ? 1 : 0;
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int[] pair = trial.setDefaultIntegers("pair", PAIRS[rng.integer(PAIRS.length)].clone());
        if (pair.length != 2) throw new NeuroGymException("trial fact 'pair' must be two stimulus indices in 1..4, got " + Arrays.toString(pair));
        for (int stimulus : pair) Trial.within("pair", stimulus, 1, 4);
        // Derived from the pair actually used, so that a given pair gets its own answer (see the deviations).
        int groundTruth = trial.setDefaultWithin("ground_truth", isGo(pair), 0, 1);
        goTrial = groundTruth == 1;
        // A withheld No-go trial is correct unless the agent answers (the reference presets this too,
        // but its base class then resets it to 0; see the deviations).
        performance = goTrial ? 0 : 1;

        addPeriods("fixation", "stim1", "delay_btw_stim", "stim2", "delay_aft_stim", "decision");

        addOb(1, null, "fixation");
        addOb(1, "stim1", pair[0]);
        addOb(1, "stim2", pair[1]);
        setOb(0, "decision");
        setGroundTruth(groundTruth, "decision");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation")) {
            if (action != 0) out.addReward(reward("abort")); // the reference never aborts these tasks
        } else if (inPeriod("decision") && action != 0) {
            if (action == gtNow()) {
                out.addReward(reward("correct"));
                performance = 1;
            } else {
                out.addReward(reward("fail"));
                performance = 0;
            }
            out.setNewTrial(true);
        }
    }

    /** A Go trial that runs out of time costs the miss reward; a No-go trial costs nothing. */
    @Override
    protected void onTrialTimeout(StepResult out) {
        if (goTrial) out.addReward(reward("miss"));
    }
}
