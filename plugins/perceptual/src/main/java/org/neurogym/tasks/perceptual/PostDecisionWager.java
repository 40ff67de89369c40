package org.neurogym.tasks.perceptual;

import org.neurogym.api.Ring;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Post-decision wagering: a perceptual discrimination in which, on a random half of the trials,
 * a sure-bet target appears during the delay; choosing it earns a small certain reward instead of
 * risking the discrimination.
 */
public final class PostDecisionWager extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("PostDecisionWager-v0")
            .family("perceptual")
            .tags("perceptual", "delayed response", "confidence")
            .description("A noisy ring stimulus of random coherence points to one of the choices, followed by a delay. "
                    + "On wager trials (half of them) a sure-bet input turns on during the delay, after a short "
                    + "pause, and stays on through the decision; choosing the sure bet then earns 0.7 times the "
                    + "correct reward for certain. The ground truth is the perceptual choice.")
            .paper("Representation of Confidence Associated with a Decision by Neurons in the Parietal Cortex",
                    "https://science.sciencemag.org/content/324/5928/759.long")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.integer("dim_ring", 2, "Number of stimulus directions (perceptual choices).").min(2),
                    ParamSpec.number("sigma", 1.0, "Standard deviation of the input noise, per sqrt(ms).").min(0))
            // pre_sure overlaps the delay on wager trials: trials run fixation, stimulus, delay, decision
            .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(
                    env -> env.expectedSteps("fixation", "stimulus", "delay", "decision")))
            .build(PostDecisionWager::new);

    private static final double[] COHS = {0, 3.2, 6.4, 12.8, 25.6, 51.2};
    private static final double SURE_SHARE = 0.7;

    private final int dimRing;
    private final double sigma;
    private final double[] theta;
    private final int sureAction;
    private final double sureReward;
    private final double surePerformance;

    private boolean wager;

    public PostDecisionWager(Params p) {
        super(p);
        dimRing = p.getInt("dim_ring");
        sigma = p.getDouble("sigma") / Math.sqrt(dt);
        theta = Ring.directions(dimRing);
        sureAction = 1 + dimRing;

        // The sure reward is always 0.7 * correct (as in the reference, it cannot be set directly).
        if (p.getRewards("rewards").containsKey("sure")) {
            throw new ParameterException("rewards.sure", "the sure reward is derived as " + SURE_SHARE
                    + " * rewards.correct and cannot be set; set rewards.correct instead");
        }
        double correct = p.getRewards("rewards").getOrDefault("correct", 1.0);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0, "sure", SURE_SHARE * correct);
        sureReward = reward("sure");
        if (reward("correct") == reward("fail")) {
            throw new ParameterException("rewards.correct", "rewards.correct must differ from rewards.fail "
                    + "(the sure bet's performance is scaled between them)");
        }
        surePerformance = (sureReward - reward("fail")) / (reward("correct") - reward("fail"));

        defineTiming(p, "fixation", 100,
                "stimulus", Timing.truncatedExponential(180, 100, 900),
                "delay", Timing.truncatedExponential(1350, 1200, 1800),
                "pre_sure", Timing.uniform(500, 750),
                "decision", 100);
        defineSpaces(
                Box.unbounded(2 + dimRing, Channel.of("fixation", 0), Channel.range("stimulus", 1, 1 + dimRing),
                        Channel.of("sure", sureAction)),
                new Discrete(2 + dimRing, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + dimRing),
                        Channel.of("sure", sureAction)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        Object drawnWager = trial.setDefault("wager", (Object) Boolean.valueOf(rng.integer(2) == 0));
        wager = drawnWager instanceof Boolean b ? b : trial.getInt("wager") != 0;
        trial.put("wager", wager);
        int groundTruth = trial.setDefaultWithin("ground_truth", rng.integer(dimRing), 0, dimRing - 1);
        double coh = trial.setDefault("coh", rng.choice(COHS));

        addPeriods("fixation", "stimulus", "delay");
        if (wager) addPeriodAfter("pre_sure", "stimulus");
        addPeriodAfter("decision", "delay");

        addOb(1, "fixation", "fixation");
        addOb(1, "stimulus", "fixation");
        addOb(1, "delay", "fixation");
        addOb(Ring.cosineTuning(theta, theta[groundTruth], coh / 200, 0.5), "stimulus", "stimulus");
        addRandn(0, sigma, "stimulus"); // every input, as in the reference
        if (wager) {
            addOb(1, "delay", "sure");
            addOb(1, "decision", "sure");
            setOb(0, "pre_sure", "sure");
        }

        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("fixation")) {
            if (action != 0) out.setReward(reward("abort")); // abort is always off in this task
        } else if (inPeriod("decision") && action != 0) {
            out.setNewTrial(true);
            if (action == sureAction) {
                if (wager) {
                    out.setReward(sureReward);
                    performance = surePerformance;
                } else {
                    out.setReward(reward("abort"));
                }
            } else if (action == gtNow()) {
                // the reference compares the action with the 0-based choice index; the action is 1-based
                out.setReward(reward("correct"));
                performance = 1;
            } else {
                out.setReward(reward("fail"));
            }
        }
    }
}
