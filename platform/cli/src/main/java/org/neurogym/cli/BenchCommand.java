package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.Experiment;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.core.Host;
import org.neurogym.core.json.Json;
import org.neurogym.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure a task's speed: steps/s of a random agent through the public step, new trials/s, and "
                + "Dataset timesteps/s (batch 16, seq 100) on one thread and on all cores; for a pixel task also the "
                + "frames rendered per second on one core (frames are drawn when a trial is built).",
                "Each figure is the median of 3 rounds after a warm-up; for allocation figures use the JMH benchmarks."})
final class BenchCommand implements Callable<Integer> {
    static final int BATCH = 16;
    static final int SEQ = 100;
    private static final int ROUNDS = 3;

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1.5",
            description = "Measuring time per figure, split into 3 rounds, after a warm-up of half as long (default ${DEFAULT-VALUE}).")
    double seconds;

    /** The threads of the all-cores dataset figure. */
    @Mixin SharedOptions.Threads threads = new SharedOptions.Threads();
    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.fixed(0);
    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    @Override
    public Integer call() {
        if (!(seconds > 0) || seconds > 3600) throw new IllegalArgumentException("--seconds must be in (0, 3600], got " + seconds);
        int cores = threads.count();
        Host host = main.host();
        Experiment made = envOptions.make(host, id);
        long round = (long) (seconds / ROUNDS * 1e9);

        double steps;
        double trials;
        double frames = Double.NaN;
        boolean supervised;
        try (Env env = made.env()) {
            steps = median(stepRate(env, round));
            TrialBased tb = TrialBased.nearest(env);
            boolean pixels = tb != null && tb.trialFrames() != null;
            double[] trialRates = tb == null ? null : trialRate(env, tb, round, pixels);
            trials = tb == null ? Double.NaN : median(Arrays.copyOfRange(trialRates, 0, ROUNDS));
            if (pixels) frames = median(Arrays.copyOfRange(trialRates, ROUNDS, 2 * ROUNDS));
            supervised = tb != null && hasGroundTruth(tb);
        }
        Double oneThread = null;
        Double allCores = null;
        if (supervised) {
            oneThread = median(datasetRate(host, 1, round));
            allCores = median(datasetRate(host, cores, round));
        }

        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", made.task().id());
            m.put("seed", seed.value());
            m.put("seconds", seconds);
            m.put("cores", Runtime.getRuntime().availableProcessors());
            m.put("java", System.getProperty("java.version"));
            m.put("stepsPerSecond", steps);
            m.put("newTrialsPerSecond", Double.isNaN(trials) ? null : trials);
            m.put("framesPerSecond", Double.isNaN(frames) ? null : frames);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("batchSize", BATCH);
            d.put("seqLen", SEQ);
            d.put("oneThread", oneThread);
            d.put("allCores", allCores);
            d.put("threads", cores);
            m.put("datasetTimestepsPerSecond", supervised ? d : null);
            out.println(Json.write(m));
        } else {
            out.println(made.task().id() + "  (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", seed " + seed.value() + ", median of " + ROUNDS + " rounds)");
            out.printf("  steps/s (random agent, public step)   %s%n", Output.number(Math.round(steps)));
            out.printf("  new trials/s                          %s%n", Double.isNaN(trials) ? "n/a" : Output.number(Math.round(trials)));
            if (!Double.isNaN(frames)) out.printf("  frames rendered/s, 1 core            %s%n", Output.number(Math.round(frames)));
            if (supervised) {
                out.printf("  dataset timesteps/s, 1 thread         %s%n", Output.number(Math.round(oneThread)));
                out.printf("  dataset timesteps/s, %d threads%s      %s%n", cores, cores < 10 ? " " : "", Output.number(Math.round(allCores)));
            } else {
                out.println("  dataset                               n/a (no ground truth)");
            }
        }
        return Main.OK;
    }

    private static boolean hasGroundTruth(TrialBased tb) {
        return tb.hasGroundTruth();
    }

    /** Steps of a random agent through the public step, per second, in each round. */
    private double[] stepRate(Env env, long roundNanos) {
        Agent agent = Agents.random(env.actionSpace(), seed.value());
        float[] ob = env.reset(seed.value());
        double[] rates = new double[ROUNDS + 1];
        for (int r = 0; r <= ROUNDS; r++) {
            long budget = r == 0 ? roundNanos * ROUNDS / 2 : roundNanos; // round 0 is the warm-up
            long n = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                for (int i = 0; i < 4096; i++) {
                    StepResult res = agent.step(env, ob);
                    // a pixel task's observation stays bytes: the random agent does not look at it
                    if (res.observationBytes() == null) ob = res.observation();
                }
                n += 4096;
                elapsed = System.nanoTime() - start;
            } while (elapsed < budget);
            rates[r] = n / (elapsed / 1e9);
        }
        return Arrays.copyOfRange(rates, 1, rates.length);
    }

    /** New trials per second in each round, followed by the frames (steps) those trials drew per second. */
    private double[] trialRate(Env env, TrialBased tb, long roundNanos, boolean pixels) {
        double[] rates = new double[2 * ROUNDS + 2];
        Map<String, Object> none = Map.of();
        int chunk = pixels ? 4 : 256; // a pixel trial draws a hundred frames or so
        for (int r = 0; r <= ROUNDS; r++) {
            long budget = r == 0 ? roundNanos * ROUNDS / 2 : roundNanos;
            long n = 0;
            long stepsDrawn = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                for (int i = 0; i < chunk; i++) {
                    tb.newTrial(none);
                    stepsDrawn += tb.trialLength();
                }
                n += chunk;
                elapsed = System.nanoTime() - start;
            } while (elapsed < budget);
            rates[r] = n / (elapsed / 1e9);
            rates[ROUNDS + 1 + r] = stepsDrawn / (elapsed / 1e9);
        }
        env.reset(seed.value());
        double[] out = new double[2 * ROUNDS];
        System.arraycopy(rates, 1, out, 0, ROUNDS);
        System.arraycopy(rates, ROUNDS + 2, out, ROUNDS, ROUNDS);
        return out;
    }

    private double[] datasetRate(Host host, int threadCount, long roundNanos) {
        double[] rates = new double[ROUNDS + 1];
        try (Dataset ds = Dataset.builder(() -> envOptions.make(host, id).env())
                .batchSize(BATCH).seqLen(SEQ).seed(seed.value()).threads(threadCount).build()) {
            for (int r = 0; r <= ROUNDS; r++) {
                long budget = r == 0 ? roundNanos * ROUNDS / 2 : roundNanos;
                long n = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    ds.next();
                    n++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < budget);
                rates[r] = n * (double) (BATCH * SEQ) / (elapsed / 1e9);
            }
        }
        return Arrays.copyOfRange(rates, 1, rates.length);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
