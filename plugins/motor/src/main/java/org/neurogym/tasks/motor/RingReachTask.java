package org.neurogym.tasks.motor;

import org.neurogym.api.Ring;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.ContractExpectations;

/**
 * What the two one-dimensional reaching tasks share: a reach state (an angle) that starts each
 * trial at pi and that actions 1 and 2 turn by +/-{@value #SPEED} rad per step, a target angle
 * drawn uniformly on the circle, and a reward in the {@code reach} period that falls with the
 * circular distance between state and target.
 *
 * <p>Ground truth: the reference writes the target angle itself into an integer ground truth
 * (truncating it to 0..6, which are not even actions). Here the ground truth is the action an
 * ideal reacher takes: stay (0) during fixation, then turn towards the target (1 or 2) until the
 * state is within half a step of it, then stay; the turning steps open the {@code reach} period.
 * The observation matrix shows the reach state of that ideal trajectory; while stepping, the row
 * of the next step is overwritten with the state the agent actually reached (as the reference
 * does in place). The ground truth each step reports is the best action from the agent's actual
 * state, so it equals the matrix for an agent that follows it.
 */
abstract class RingReachTask extends TrialEnv {

    /**
     * What the task contract may expect of both reaching tasks: performance is the mean over the
     * reach steps of a reward that falls with the distance between reach state and target, and the
     * state moves {@value #SPEED} rad per step from pi towards a target drawn anywhere on the circle,
     * so even the ideal reach (the oracle) is away from the target on the first reach steps of almost
     * every trial and its performance stays below 1. The oracle still runs (its trials must end);
     * ReachingRulesTest proves it earns the best reward available and beats other policies.
     */
    static final ContractExpectations CONTRACT = ContractExpectations.DEFAULT.withMinOraclePerformance(0.0,
            "performance is the mean closeness to the target over the reach steps, below 1 even for the ideal "
                    + "reach, which starts at pi and turns 0.05 rad per step");

    /** How far actions 1 and 2 turn the reach state per step, in rad. */
    static final double SPEED = 0.05;

    static final double TWO_PI = 2 * Math.PI;

    /** The preferred directions of the ring's units. */
    protected final double[] theta;

    /**
     * Rings of {@code cos(theta - s)} for recent reach states {@code s}, direct-mapped by the bits of
     * {@code s}. Every trial's ideal reach walks the same states from pi, and a state stays put on
     * every step without a turn, so most rows are a copy, not {@code theta.length} cosines (the cost
     * of these tasks' trials and steps); an exact key gives the very same values.
     */
    private final double[][] tuningRows = new double[TUNING_CACHE][];
    private final long[] tuningKeys = new long[TUNING_CACHE];
    private static final int TUNING_CACHE = 64;

    private final double correct;
    private final double fail;

    /** The reach state (rad, in [0, 2 pi)). */
    protected double state;
    /** The target angle of the current trial (rad, in [0, 2 pi)). */
    protected double target;
    private int reachSteps;

    RingReachTask(Params p, int units) {
        super(p);
        theta = Ring.directions(units);
        defineRewards(p, "correct", 1.0, "fail", -0.1);
        defineTiming(p, "fixation", 500, "reach", 500);
        correct = reward("correct");
        fail = reward("fail");
        if (correct == fail) {
            throw new ParameterException("rewards.correct", "rewards 'correct' and 'fail' must differ (performance is "
                    + "normalised by their difference), both are " + correct);
        }
    }

    /** {@code cos(theta[i] - reachState)} for every unit: read it, do not keep or change it. */
    protected final double[] selfTuning(double reachState) {
        long key = Double.doubleToRawLongBits(reachState);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 58); // the top 6 bits: TUNING_CACHE slots
        double[] row = tuningRows[slot];
        if (row == null) {
            row = tuningRows[slot] = new double[theta.length];
        } else if (tuningKeys[slot] == key) {
            return row;
        }
        tuningKeys[slot] = key;
        for (int i = 0; i < theta.length; i++) row[i] = Math.cos(theta[i] - reachState);
        return row;
    }

    /** Writes the target's input of the current trial (after the periods exist). */
    protected abstract void writeTarget();

    /** Writes the observation row of step {@code step} for reach state {@code reachState}. */
    protected abstract void writeSelf(int step, double reachState);

    @Override
    protected final void onNewTrial(Trial trial) {
        state = Math.PI;
        target = wrap(trial.setDefault("ground_truth", rng.uniform(0, TWO_PI)));

        addPeriods("fixation", "reach");
        reachSteps = periodEnd("reach") - periodStart("reach");

        // The ideal reach: from pi, turn towards the target while that helps, within the reach period.
        int direction = bestAction(Math.PI, target);
        int moves = 0;
        double s = Math.PI;
        if (direction != 0) {
            while (moves < reachSteps && bestAction(s, target) == direction) {
                s = turn(s, direction);
                moves++;
            }
        }
        // The ideal reach turns on the first `moves` steps of the reach period.
        int moveFrom = periodStart("reach");
        int moveTo = moveFrom + moves;

        writeTarget();
        s = Math.PI;
        int length = trialLength();
        for (int t = 0; t < length; t++) {
            writeSelf(t, s);
            if (t >= moveFrom && t < moveTo) s = turn(s, direction);
        }

        setGroundTruth(0);
        if (moves > 0) setGroundTruthSteps(direction, moveFrom, moveTo);
    }

    @Override
    protected final void onStep(int action, StepResult out) {
        boolean reaching = inPeriod("reach");
        out.setGroundTruth(reaching ? bestAction(state, target) : 0);
        state = turn(state, action);
        int next = stepIndex() + 1;
        if (next < trialLength()) writeSelf(next, state);
        if (reaching) {
            double r = Math.max(correct - circularDistance(state - target), fail);
            out.addReward(r);
            performance += (r - fail) / (correct - fail) / reachSteps;
        }
    }

    /** The reach state after {@code action} (0 stays, 1 turns up, 2 turns down). */
    static double turn(double s, int action) {
        if (action == 1) return wrap(s + SPEED);
        if (action == 2) return wrap(s - SPEED);
        return s;
    }

    /** The action that brings state {@code s} closest to {@code goal} in one step. */
    static int bestAction(double s, double goal) {
        double delta = wrap(goal - s + Math.PI) - Math.PI; // signed, in [-pi, pi)
        if (Math.abs(delta) <= SPEED / 2) return 0;
        return delta > 0 ? 1 : 2;
    }

    /** The angle in [0, 2 pi). */
    static double wrap(double a) {
        double w = a - TWO_PI * Math.floor(a / TWO_PI);
        return w >= TWO_PI ? 0 : w;
    }

    /** The distance on the circle for an angle difference. */
    static double circularDistance(double diff) {
        double a = Math.abs(diff);
        return Math.min(a, TWO_PI - a);
    }
}
