package org.neurogym.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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

/** A check a task cannot meet fails unless the descriptor declares the exemption, and the report says where. */
class ContractExemptionsTest {

    /** A cue that overlaps its stimulus: the trial is not one plain sequence of its periods. */
    static final class OverlapTask extends TrialEnv {
        OverlapTask(Params p) {
            super(p);
            defineRewards(p, "correct", 1.0);
            defineTiming(p, "stimulus", 500, "cue", 200, "decision", 100);
            defineSpaces(Box.unbounded(1, Channel.of("stimulus", 0)), new Discrete(2, Channel.of("fixation", 0), Channel.of("go", 1)));
        }

        @Override
        protected void onNewTrial(Trial trial) {
            addPeriods("stimulus", "decision");
            addPeriod("cue"); // from step 0, inside the stimulus
            addOb(rng.uniform(0, 1), "stimulus", "stimulus");
            setGroundTruth(1, "decision");
        }

        @Override
        protected void onStep(int action, StepResult out) {
            if (inPeriod("decision") && action == 1) {
                out.setNewTrial(true);
                out.addReward(reward("correct"));
                performance = 1;
            }
        }
    }

    private static TaskDescriptor.Builder builder() {
        return TaskDescriptor.builder("Overlap-v0").family("test")
                .params(ParamSpec.dt(100), ParamSpec.rewards(), ParamSpec.timing());
    }

    private static CheckResult check(TaskDescriptor d, String name) {
        return TaskContract.run(d, ContractOptions.defaults().withRandomSteps(2_000)).stream()
                .filter(r -> r.check().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTrialLengthTheContractCannotDeriveFailsWithoutADeclaration() {
        CheckResult r = check(builder().build(OverlapTask::new), TaskContract.TRIAL_LENGTH);
        assertEquals(CheckResult.Status.FAIL, r.status(), r.detail());
        assertTrue(r.detail().contains("withExpectedMeanSteps"), r.detail());
    }

    @Test
    void aDeclaredExpectationPassesAndTheReportNamesWhereItWasDeclared() {
        TaskDescriptor d = builder()
                .contract(ContractExpectations.DEFAULT.withExpectedMeanSteps(t -> t.expectedSteps("stimulus", "decision")))
                .build(OverlapTask::new);
        CheckResult r = check(d, TaskContract.TRIAL_LENGTH);
        assertEquals(CheckResult.Status.PASS, r.status(), r.detail());
        assertTrue(r.detail().contains("declared at " + ContractExemptionsTest.class.getName() + " (ContractExemptionsTest.java:"),
                r.detail());
    }

    @Test
    void aDeclaredOracleExemptionSkipsWithItsReasonAndSource() {
        TaskDescriptor d = builder().contract(ContractExpectations.DEFAULT.withoutOracle("a test of the report")
                .withExpectedMeanSteps(t -> t.expectedSteps("stimulus", "decision"))).build(OverlapTask::new);
        CheckResult r = check(d, TaskContract.ORACLE);
        assertEquals(CheckResult.Status.SKIP, r.status());
        assertTrue(r.detail().startsWith("a test of the report (exemption declared at " + ContractExemptionsTest.class.getName()),
                r.detail());
    }
}
