package org.neurogym.tasks.contrib;

import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Matching pennies against a computer opponent, one step per trial: the agent sees the
 * opponent's previous choice and wins when it picks the same target as the opponent now.
 */
public final class MatchingPenny extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("MatchingPenny-v0")
            .family("contrib")
            .tags("two-alternative")
            .description("Matching pennies, one step per trial: the observation is the opponent's previous choice "
                    + "(one-hot); the agent is rewarded for choosing the same target as the opponent on this trial. "
                    + "The 'mean_action' opponent picks the side the agent has chosen less often lately (a running "
                    + "mean with learning_rate); the 'random' opponent picks at random. The ground truth is the "
                    + "opponent's choice.")
            .paper("Prefrontal cortex and decision making in a mixed-strategy game", "https://www.nature.com/articles/nn1209")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing(),
                    ParamSpec.string("opponent_type", "mean_action", "Opponent: 'mean_action' or 'random'.").oneOf("mean_action", "random"),
                    ParamSpec.number("learning_rate", 0.2, "Learning rate of the mean_action opponent's running mean.").range(0, 1))
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> 1))
            .build(MatchingPenny::new);

    private final boolean random;
    private final double lr;
    private double meanAction;
    private int previous;
    private int opponent;

    public MatchingPenny(Params p) {
        super(p);
        String type = p.getString("opponent_type");
        random = type.equals("random");
        lr = p.getDouble("learning_rate");
        defineRewards(p, "correct", 1.0, "fail", 0.0);
        defineTiming(p); // the reference takes a timing argument but uses none: trials last one step
        defineSpaces(Box.unbounded(2, Channel.range("previous_opponent_choice", 0, 2)),
                new Discrete(2, Channel.range("choice", 0, 2)));
    }

    @Override
    protected void onReset() {
        meanAction = 0;
        previous = rng.integer(2);
    }

    @Override
    protected void onNewTrial(Trial trial) {
        int drawn = random ? rng.integer(2) : (Math.rint(meanAction) == 0 ? 1 : 0);
        opponent = trial.setDefault("opponent_action", drawn);
        if (opponent != 0 && opponent != 1) {
            throw new org.neurogym.api.NeuroGymException(name() + ": opponent_action must be 0 or 1, got " + opponent);
        }
        addPeriod("choice", dt);
        addOb(1, null, previous);
        previous = opponent;
        setGroundTruth(opponent);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (!random) meanAction += lr * (action - meanAction);
        out.setNewTrial(true);
        if (action == opponent) {
            out.addReward(reward("correct"));
            performance = 1;
        } else {
            out.addReward(reward("fail"));
        }
    }
}
