package org.neurogym.benchmarks;

import java.util.Map;
import org.neurogym.core.NeuroGym;
import java.util.concurrent.TimeUnit;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steady-state discrete step alone: the ground-truth action on a task whose trials never end
 * within the measurement but once per ten million steps (fixation is stretched to 10^9 ms). With {@code -prof gc} this must show {@code gc.alloc.rate.norm} of 0 bytes per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WithinTrialStepBenchmark {
    private Env env;
    private TrialBased trials;

    @Setup(Level.Trial)
    public void setUp() {
        // fixation lasts 10^9 ms (10^7 steps of 100 ms): a new trial comes once per 10 million steps, with
        // matrices the task already owns (reused when large enough), so allocation per step is ~0
        env = NeuroGym.make("PerceptualDecisionMaking-v0", Map.of("timing", Map.of("fixation", 1e9)));
        trials = TrialBased.nearest(env);
        env.reset(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        env.close();
    }

    @Benchmark
    public StepResult fixate() {
        return env.step(0);
    }

    /** The step index, so a reader can check that no trial ended. */
    public int stepIndex() {
        return trials.stepIndex();
    }
}
