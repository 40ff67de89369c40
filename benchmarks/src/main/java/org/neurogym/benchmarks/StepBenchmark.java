package org.neurogym.benchmarks;

import org.neurogym.core.NeuroGym;
import java.util.concurrent.TimeUnit;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One discrete step of a random agent through the public {@code Env.step(int)}, trial ends and
 * new trials included (they happen inside step). With {@code -prof gc}, {@code gc.alloc.rate.norm}
 * is the allocation per step: the trial-free steps allocate nothing, so what shows is the new
 * trials' share (bytes per new trial divided by the mean trial length).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepBenchmark {
    @Param({"PerceptualDecisionMaking-v0", "ContextDecisionMaking-v0", "DelayMatchSample-v0", "GoNogo-v0", "ReadySetGo-v0"})
    public String task;

    private Env env;
    private Agent agent;
    private float[] ob;

    @Setup(Level.Trial)
    public void setUp() {
        env = NeuroGym.make(task);
        agent = Agents.random(env.actionSpace(), 1);
        ob = env.reset(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        env.close();
    }

    @Benchmark
    public StepResult step() {
        StepResult r = env.step(agent.act(ob));
        ob = r.observation();
        return r;
    }
}
