package org.neurogym.tasks.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.TrialEnv;

/** Durations a caller imposes are floored to whole steps, like drawn ones, so what is shown is what is judged. */
class GivenDurationsTest {
    @Test
    void aGivenMeasureIsFlooredToWholeSteps() {
        TrialEnv env = (TrialEnv) ReadySetGo.DESCRIPTOR.create(Map.of("dt", 80));
        env.reset(0);
        var trial = env.newTrial(Map.of("measure", 850.0));
        assertEquals(800.0, trial.getDouble("measure"));
        assertEquals(10, env.periodEnd("measure") - env.periodStart("measure"));
    }

    @Test
    void aGivenIntervalIsFlooredToWholeSteps() {
        TrialEnv env = (TrialEnv) OneTwoThreeGo.DESCRIPTOR.create(Map.of("dt", 80));
        env.reset(0);
        var trial = env.newTrial(Map.of("interval", 650.0));
        assertEquals(640.0, trial.getDouble("interval"));
        assertEquals(8, env.periodEnd("interval1") - env.periodStart("interval1"));
    }
}
