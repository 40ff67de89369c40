package org.neurogym.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurogym.api.Env;
import org.neurogym.api.agent.Agents;
import org.neurogym.core.NeuroGym;

class RunnerTest {
    private static RunReport run(String agent, long seed, Runner.Limit limit) {
        try (Env env = NeuroGym.make("PerceptualDecisionMaking-v0")) {
            var a = agent.equals("oracle") ? Agents.oracle(env) : Agents.random(env.actionSpace(), seed);
            return Runner.run("PerceptualDecisionMaking-v0", env, a, agent, seed, limit);
        }
    }

    @Test
    void oracleIsAlwaysCorrect() {
        RunReport r = run("oracle", 0, Runner.Limit.trials(200));
        assertEquals(200, r.trials());
        assertEquals(1.0, r.meanPerformance());
        assertEquals(1.0, r.meanRewardPerTrial());
        assertEquals(200 * 22, r.steps());
    }

    @Test
    void randomAgentIsFarWorse() {
        RunReport r = run("random", 0, Runner.Limit.trials(200));
        assertTrue(r.meanPerformance() < 0.5, "random performance " + r.meanPerformance());
    }

    @Test
    void sameSeedSameDigestOtherSeedOtherDigest() {
        String a = run("random", 7, Runner.Limit.steps(3000)).digest();
        String b = run("random", 7, Runner.Limit.steps(3000)).digest();
        String c = run("random", 8, Runner.Limit.steps(3000)).digest();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(64, a.length());
    }

    @Test
    void aRunBoundedByStepsTakesExactlyThatMany() {
        assertEquals(1234, run("random", 1, Runner.Limit.steps(1234)).steps());
    }
}
