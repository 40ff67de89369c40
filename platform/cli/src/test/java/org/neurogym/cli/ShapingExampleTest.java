package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.core.Host;
import org.neurogym.core.config.ExperimentConfig;

/** config/examples/shaping.toml: ngym_shaping's five stages, made from the file through a host. */
class ShapingExampleTest {
    private static final Path EXAMPLE = Path.of("../../config/examples/shaping.toml");

    @Test
    void theFileChecks() {
        DatasetCommandTest.Result r = DatasetCommandTest.cli("config", "check", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void anOracleGoesThroughTheFiveStagesAHundredTrialsEach() {
        List<Integer> stages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Host host = Host.classpath(getClass().getClassLoader());
             Env env = host.experiment(ExperimentConfig.load(EXAMPLE)).make().env()) {
            Agent oracle = Agents.oracle(env);
            float[] ob = env.reset(0);
            while (stages.size() < 450) {
                StepResult r = oracle.step(env, ob);
                if (r.newTrial()) {
                    stages.add(((Number) r.info().get("stage")).intValue());
                    names.add((String) r.info().get("stage_name"));
                }
                ob = r.observation();
            }
        }
        // stage 0 ends after its own 100 trials; the oracle is always right, so each later stage ends at its minimum of 100
        for (int k = 0; k < stages.size(); k++) assertEquals(Math.min(k / 100, 4), stages.get(k), "stage of trial " + k);
        assertEquals("0: any answer", names.get(0));
        assertEquals("4: full task", names.get(449));
        assertTrue(names.get(150).startsWith("1:"), names.get(150));
    }
}
