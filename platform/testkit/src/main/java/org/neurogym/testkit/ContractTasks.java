package org.neurogym.testkit;

import java.util.List;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Tasks to try a wrapper on where no task plugin is at hand (a wrapper plugin's own tests): a
 * two-choice decision with noisy evidence, declared choices and fixation, stimulus and decision
 * periods, so that every standard kind of wrapper applies.
 */
public final class ContractTasks {
    private ContractTasks() {}

    /** The tasks, for {@link WrapperContractTests#of}. */
    public static List<TaskDescriptor> all() {
        return List.of(TwoChoice.DESCRIPTOR);
    }

    /** Fixate, see which of two inputs is stronger, answer with the matching choice. */
    static final class TwoChoice extends TrialEnv {
        static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ContractTwoChoice-v0").family("testkit")
                .description("Two-choice decision for wrapper contracts: the stronger of two noisy inputs names the answer.")
                .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing())
                .build(TwoChoice::new);

        TwoChoice(Params p) {
            super(p);
            defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
            defineTiming(p, "fixation", 300, "stimulus", 500, "decision", 200);
            defineSpaces(Box.unbounded(3, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3)),
                    new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)));
            defineChoices(0, "choice");
        }

        @Override
        protected void onNewTrial(Trial trial) {
            int answer = trial.setDefault("ground_truth", rng.integer(2));
            addPeriods("fixation", "stimulus", "decision");
            addOb(1, "fixation", "fixation");
            addOb(1, "stimulus", "fixation");
            addOb(0.6, "stimulus", 1 + answer);
            addRandn(0, 0.2, "stimulus", "stimulus");
            setGroundTruth(answer, "decision", "choice");
        }

        @Override
        protected void onStep(int action, org.neurogym.api.StepResult out) {
            judgeFixateThenDecide(action, out, FixationRule.UNTIL_DECISION, true);
        }
    }
}
