package org.neurogym.tasks.perceptual;

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

/**
 * Hierarchical reasoning: two flashes at one location are separated by a delay; depending on
 * the rule of the current (unannounced) block, a short delay means "go to the flashes" or "go
 * to the opposite side". The agent also reports the rule it believes in at the rule target.
 */
public final class HierarchicalReasoning extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("HierarchicalReasoning-v0")
            .family("perceptual")
            .tags("perceptual", "two-alternative", "supervised")
            .description("Two flashes at the same location are separated by a delay that is shorter or longer than "
                    + "the median delay. Under one rule the agent goes to the flashed location after a long delay "
                    + "and to the opposite one after a short delay; the other rule reverses this. Rules alternate "
                    + "in blocks of 10 to 20 trials without announcement. The agent first reports the current rule "
                    + "at the rule targets; a trial is correct only when both the rule report and the final choice are.")
            .paper("Hierarchical reasoning by neural circuits in the frontal cortex",
                    "https://science.sciencemag.org/content/364/6441/eaav8911")
            .params(ParamSpec.dt(100),
                    ParamSpec.rewards(),
                    ParamSpec.timing())
            .build(HierarchicalReasoning::new);

    private static final int BLOCK_MIN = 10;
    private static final int BLOCK_MAX = 20;

    private final double midDelay;

    private int rule;
    private int trialInBlock;
    private int blockSize;
    private boolean choseCorrectRule;

    public HierarchicalReasoning(Params p) {
        super(p);
        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p,
                "fixation", Timing.truncatedExponential(600, 400, 800),
                "rule_target", 1000,
                "fixation2", Timing.truncatedExponential(600, 400, 900),
                "flash1", 100,
                "delay", new double[] {530, 610, 690, 770, 850, 930, 1010, 1090, 1170},
                "flash2", 100,
                "decision", 700);
        // The threshold between short and long delays: the median of the delay distribution.
        midDelay = median(timing().get("delay"));

        defineSpaces(
                Box.unbounded(5, Channel.of("fixation", 0), Channel.of("rule", 1, 2), Channel.of("stimulus", 3, 4)),
                new Discrete(5, Channel.of("fixation", 0), Channel.of("rule", 1, 2), Channel.of("choice", 3, 4)));
        onReset(); // trials made before any reset follow a schedule too
    }

    /** Switches to the other rule for a new block of 10 to 20 trials. */
    private void newBlock() {
        blockSize = rng.integer(BLOCK_MIN, BLOCK_MAX + 1);
        rule = 1 - rule;
        trialInBlock = 0;
    }

    /** A new episode restarts the block schedule (first rule 1) from the env's freshly seeded random source. */
    @Override
    protected void onReset() {
        rule = 0;
        newBlock();
    }

    @Override
    protected void onNewTrial(Trial trial) {
        choseCorrectRule = false;

        double interval = trial.setDefault("interval", sampleTime("delay"));
        int trialRule = trial.setDefaultWithin("rule", rule, 0, 1);
        int stimulus = trial.setDefaultWithin("stimulus", rng.integer(2), 0, 1);

        // ties with the median are broken at random
        boolean longInterval = interval > midDelay + (rng.uniform() - 0.5);
        boolean proChoice = (longInterval ? 1 : 0) == trialRule;
        trial.put("long_interval", longInterval);
        trial.put("pro_choice", proChoice);

        addPeriods("fixation", "rule_target", "fixation2", "flash1");
        // the delay shown is the interval judged (the reference draws it a second time)
        addPeriodAtStep("delay", periodEnd("flash1"), wholeSteps(interval));
        addPeriodAfter("flash2", "delay");
        addPeriodAfter("decision", "flash2");

        int location = 3 + stimulus;
        int choice = proChoice ? stimulus : 1 - stimulus;

        addOb(1, null, "fixation");
        setOb(0, "decision", "fixation");
        addOb(1, "rule_target", "rule");
        addOb(1, "flash1", location);
        addOb(1, "flash2", location);

        setGroundTruth(choice, "decision", "choice");
        setGroundTruth(trialRule, "rule_target", "rule");

        trialInBlock++;
        if (trialInBlock >= blockSize) newBlock();
    }

    @Override
    protected void onStep(int action, StepResult out) {
        if (inPeriod("decision")) {
            if (action != 0) {
                out.setNewTrial(true);
                if (action == gtNow() && choseCorrectRule) {
                    out.addReward(reward("correct"));
                    performance = 1;
                } else {
                    out.addReward(reward("fail"));
                }
            }
        } else if (inPeriod("rule_target")) {
            // the last step of the rule target counts
            choseCorrectRule = action == gtNow();
        } else if (action != 0) {
            out.addReward(reward("abort")); // abort is always off in this task
        }
        if (out.newTrial()) choseCorrectRule = false;
    }

    /** The median of a delay distribution (for a choice, the median of its values). */
    private static double median(Timing t) {
        if (t instanceof Timing.Constant c) return c.value();
        if (t instanceof Timing.Choice c) {
            double[] v = c.values();
            java.util.Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
        if (t instanceof Timing.Uniform u) return (u.low() + u.high()) / 2;
        if (t instanceof Timing.TruncatedExponential e) {
            if (e.min() >= e.max()) return e.max();
            double head = Math.exp(-e.min() / e.mean());
            double tail = Double.isInfinite(e.max()) ? 0 : Math.exp(-e.max() / e.mean());
            return -e.mean() * Math.log(head - 0.5 * (head - tail));
        }
        throw new org.neurogym.api.param.ParameterException("timing.delay",
                "timing.delay must be a duration or a distribution of durations, not " + t);
    }
}
