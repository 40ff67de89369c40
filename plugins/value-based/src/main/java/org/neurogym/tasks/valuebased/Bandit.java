package org.neurogym.tasks.valuebased;

import java.util.Arrays;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Multi-armed bandit: every trial is a single step in which the agent pulls one of {@code n} arms;
 * arm {@code i} pays {@code rewards[i]} with probability {@code p[i]}, otherwise nothing.
 */
public final class Bandit extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("Bandit-v0")
            .family("value-based")
            .tags("n-alternative")
            .description("Multi-armed bandit. Each trial is one step: the agent picks one of n arms, and arm i pays "
                    + "its reward magnitude with probability p[i]. The observation is a single constant 0 input. "
                    + "The ground truth is the arm with the highest expected payoff p[i] * rewards[i] (the lowest "
                    + "such index on a tie); a trial counts as correct when the chosen arm has that highest "
                    + "expected payoff, whether or not it paid out.")
            .paper("Prefrontal cortex as a meta-reinforcement learning system", "https://www.nature.com/articles/s41593-018-0147-8")
            .params(ParamSpec.dt(100),
                    ParamSpec.integer("n", 2, "Number of arms.").min(1),
                    ParamSpec.numbers("p", new double[] {0.5, 0.5}, "Probability that each arm pays out (one per arm).").range(0, 1),
                    ParamSpec.optional("rewards", ParamType.NUMBER_LIST,
                            "Payout magnitude of each arm (one per arm); when not set, 1 for every arm."),
                    ParamSpec.timing())
            // Every trial is exactly one step by construction; the task has no timed periods.
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(env -> 1))
            .build(Bandit::new);

    private final int n;
    private final double[] p;
    private final double[] magnitudes;

    // the current trial's arms, for onStep
    private double[] trialP;
    private double[] trialRewards;
    private int best;

    public Bandit(Params params) {
        super(params);
        n = params.getInt("n");
        p = params.getDoubles("p");
        if (p.length != n) {
            throw new ParameterException("p", "p needs one probability per arm (n = " + n + "), got " + p.length + ": " + Arrays.toString(p));
        }
        double[] r;
        if (params.isSet("rewards")) {
            r = params.getDoubles("rewards");
        } else {
            r = new double[n];
            Arrays.fill(r, 1.0);
        }
        if (r.length != n) {
            throw new ParameterException("rewards", "rewards needs one magnitude per arm (n = " + n + "), got " + r.length
                    + ": " + Arrays.toString(r));
        }
        magnitudes = r;
        // The reference accepts and ignores a timing table; this task has no timed periods, so any entry is an error.
        defineTiming(params);
        defineSpaces(Box.unbounded(1, Channel.of("input", 0)), new Discrete(n, Channel.range("arm", 0, n)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        trialP = trial.setDefaultNumbers("p", p.clone(), n);
        trialRewards = trial.setDefaultNumbers("rewards", magnitudes.clone(), n);
        for (double v : trialP) {
            if (!(v >= 0 && v <= 1)) throw new NeuroGymException("trial fact 'p' must hold probabilities in [0, 1], got " + Arrays.toString(trialP));
        }
        best = bestArm(trialP, trialRewards);

        addPeriodAtStep("decision", 0, 1);
        setGroundTruth(best, "decision", "arm");
    }

    /** The arm with the highest expected payoff, the lowest index on a tie. */
    static int bestArm(double[] p, double[] rewards) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] * rewards[i] > p[best] * rewards[best]) best = i;
        }
        return best;
    }

    @Override
    protected void onStep(int action, StepResult out) {
        boolean paid = rng.uniform() < trialP[action];
        out.addReward(paid ? trialRewards[action] : 0);
        out.setNewTrial(true);
        if (trialP[action] * trialRewards[action] >= trialP[best] * trialRewards[best]) performance = 1;
    }
}
