package org.neurogym.tasks.valuebased;

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
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Daw's two-step task. A first-stage choice leads, mostly (80%) through its common transition, to
 * one of two second-stage states; each state pays the {@code correct} reward with its own
 * probability (90% for the currently better state, 10% for the other), and which state is better
 * reverses with probability 2.5% per trial.
 */
public final class DawTwoStep extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("DawTwoStep-v0")
            .family("value-based")
            .tags("two-alternative")
            .description("Two-step task. Step one shows the first-stage cue; choosing action 1 or 2 moves, by a common "
                    + "(80%) or rare (20%) transition, to second-stage state 1 or 2, which pays the 'correct' reward with "
                    + "probability 0.9 for the currently better state and 0.1 for the other; which state is better "
                    + "reverses with probability 0.025 per trial. Fixating at step one aborts. Step two shows the state "
                    + "reached and expects fixation. The ground truth is the choice whose common transition leads to the "
                    + "better state, then fixation; the trial's observation matrix shows the state that choice reaches "
                    + "(other choices get their own state as the step's observation). A trial counts as correct when "
                    + "the first choice is the ground truth, whatever the payout.")
            .paper("Model-Based Influences on Humans Choices and Striatal Prediction Errors",
                    "https://www.sciencedirect.com/science/article/pii/S0896627311001255")
            .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing())
            // Every trial is exactly two one-step stages by construction; the task has no timed periods.
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(env -> 2))
            .build(DawTwoStep::new);

    /** Probability that action 1 leads to state 1 (and action 2 to state 2). */
    static final double P_COMMON = 0.8;
    /** Probability per trial that the better state changes. */
    static final double P_SWITCH = 0.025;
    static final double HIGH_REWARD_P = 0.9;
    static final double LOW_REWARD_P = 0.1;

    private boolean state1HighReward = true;

    // the current trial, for onStep
    private final int[] transition = new int[3];
    private final double[] stateReward = new double[2];
    private int groundTruth;

    public DawTwoStep(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0);
        // The reference accepts and ignores a timing table; both steps last one dt, so any entry is an error.
        defineTiming(p);
        defineSpaces(
                Box.unbounded(3, Channel.of("first_stage", 0), Channel.range("second_stage", 1, 3)),
                new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)));
    }

    @Override
    protected void onReset() {
        state1HighReward = true; // a reset starts the task afresh
    }

    @Override
    protected void onNewTrial(Trial trial) {
        double[] drawnTransition = {0, rng.uniform() < P_COMMON ? 1 : 2, rng.uniform() < P_COMMON ? 2 : 1};
        if (rng.uniform() < P_SWITCH) state1HighReward = !state1HighReward;
        int hiState = state1HighReward ? 0 : 1;
        double[] drawnReward = new double[2];
        drawnReward[hiState] = rng.uniform() < HIGH_REWARD_P ? reward("correct") : 0;
        drawnReward[1 - hiState] = rng.uniform() < LOW_REWARD_P ? reward("correct") : 0;

        double[] tr = trial.setDefaultNumbers("transition", drawnTransition, 3);
        double[] rw = trial.setDefaultNumbers("reward", drawnReward, 2);
        hiState = trial.setDefault("hi_state", hiState);
        if (hiState != 0 && hiState != 1) throw new NeuroGymException("trial fact 'hi_state' must be 0 or 1, got " + hiState);
        for (int a = 1; a <= 2; a++) {
            if (tr[a] != 1 && tr[a] != 2) {
                throw new NeuroGymException("trial fact 'transition' must send actions 1 and 2 to state 1 or 2, got " + Arrays.toString(tr));
            }
            transition[a] = (int) tr[a];
        }
        stateReward[0] = rw[0];
        stateReward[1] = rw[1];
        groundTruth = hiState + 1; // the choice whose common transition reaches the better state

        addPeriodAtStep("first_stage", 0, 1);
        addPeriodAtStep("second_stage", 1, 1);
        addOb(1, "first_stage", "first_stage");
        addOb(1, "second_stage", transition[groundTruth]);
        setGroundTruth(groundTruth, "first_stage");
        setGroundTruth(0, "second_stage");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (stepIndex() == 0) {
            if (action == 0) {
                out.addReward(reward("abort"));
                out.setNewTrial(true);
                return;
            }
            int state = transition[action];
            out.addReward(stateReward[state - 1]);
            if (action == groundTruth) {
                performance = 1;
            } else if (state != transition[groundTruth]) {
                // the matrix holds the state the ground-truth choice reaches; show the one this choice reached
                float[] ob = out.observation();
                Arrays.fill(ob, 0f);
                ob[state] = 1f;
                out.provideObservation();
            }
        } else {
            if (action != 0) out.addReward(reward("abort"));
            out.setNewTrial(true);
        }
    }
}
