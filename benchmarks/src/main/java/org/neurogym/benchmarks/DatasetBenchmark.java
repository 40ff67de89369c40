package org.neurogym.benchmarks;

import org.neurogym.core.NeuroGym;
import java.util.concurrent.TimeUnit;
import org.neurogym.data.Batch;
import org.neurogym.data.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dataset generation, batch 16 and sequence 100 (time-major), reported per timestep (one
 * invocation is one batch of 1,600 timesteps). {@code threads} 0 means all processors.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DatasetBenchmark {
    static final int BATCH = 16;
    static final int SEQ = 100;

    @Param({"PerceptualDecisionMaking-v0", "ContextDecisionMaking-v0", "DelayMatchSample-v0", "GoNogo-v0", "ReadySetGo-v0"})
    public String task;

    @Param({"1", "0"})
    public int threads;

    private Dataset dataset;

    @Setup(Level.Trial)
    public void setUp() {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        dataset = Dataset.builder(() -> NeuroGym.make(task)).batchSize(BATCH).seqLen(SEQ).seed(0).threads(t).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dataset.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH * SEQ)
    public Batch batch() {
        return dataset.next();
    }
}
