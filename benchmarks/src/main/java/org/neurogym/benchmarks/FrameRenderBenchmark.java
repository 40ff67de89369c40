package org.neurogym.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neurogym.api.TrialBased;
import org.neurogym.core.NeuroGym;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Frames rendered per second on one core by the visual tasks at 100 x 100 (their default window):
 * one invocation builds one trial, which draws all its frames; the score is divided by the
 * trial's frames through {@code frames}, so the throughput reads in frames per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameRenderBenchmark {

    @Param({"RandomDotMotion-v0", "VisualSearch-v0", "SpatialSuppressMotionPixels-v0"})
    public String task;

    private TrialBased trials;

    /** Counts frames as operations: JMH reports frames per second. */
    @State(Scope.Thread)
    @org.openjdk.jmh.annotations.AuxCounters(org.openjdk.jmh.annotations.AuxCounters.Type.OPERATIONS)
    public static class Frames {
        public long frames;

        @Setup(Level.Iteration)
        public void clear() {
            frames = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        var env = NeuroGym.make(task);
        env.reset(0);
        trials = TrialBased.nearest(env);
    }

    @Benchmark
    public void newTrial(Frames counter, Blackhole bh) {
        bh.consume(trials.newTrial(Map.of()));
        counter.frames += trials.trialLength();
    }
}
