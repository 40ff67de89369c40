package org.neurogym.benchmarks;

import org.neurogym.core.NeuroGym;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neurogym.api.Env;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
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

/** Building one new trial (periods, observation and ground-truth matrices). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NewTrialBenchmark {
    @Param({"PerceptualDecisionMaking-v0", "ContextDecisionMaking-v0", "DelayMatchSample-v0", "GoNogo-v0", "ReadySetGo-v0"})
    public String task;

    private Env env;
    private TrialBased trials;

    @Setup(Level.Trial)
    public void setUp() {
        env = NeuroGym.make(task);
        trials = TrialBased.nearest(env);
        env.reset(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        env.close();
    }

    @Benchmark
    public Trial newTrial() {
        return trials.newTrial(Map.of());
    }
}
