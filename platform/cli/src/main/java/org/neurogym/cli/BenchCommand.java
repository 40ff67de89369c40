package org.neurogym.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.neurogym.api.Env;
import org.neurogym.api.TrialBased;
import org.neurogym.core.Experiment;
import org.neurogym.core.Host;
import org.neurogym.core.json.Json;
import org.neurogym.core.registry.TaskEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure a task's speed: steps/s of a random agent through the public step, new trials/s, and "
                + "Dataset timesteps/s (batch 16, seq 100) on one thread and on all cores; optionally vector-env steps/s.",
                "Each figure is the median of " + Throughput.ROUNDS + " rounds after a warm-up; the Dataset's thread counts take turns over "
                        + Throughput.SCALING_ROUNDS + " rounds "
                        + "and each count's scaling is the median of its rounds over the 1-thread round beside it. "
                        + "For allocation figures use the JMH benchmarks."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Option(names = "--all", description = "Measure every installed task with its default parameters, one after the other in this JVM.")
    boolean all;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1.5",
            description = "Measuring time per figure, split into 3 rounds, after a warm-up of half as long (default ${DEFAULT-VALUE}).")
    double seconds;

    // a list, unlike the single count of SharedOptions.Threads that dataset takes: bench reports scaling
    @Option(names = "--threads", paramLabel = "N[,N...]", split = ",",
            description = "Thread counts of the multi-threaded dataset figures; the first is the all-cores figure "
                    + "(default: the number of processors). Counts above the processors check scaling code, not speed.")
    List<Integer> threads;

    /** The figures bench can measure; {@code --vector} adds the vector figures. */
    enum Figure { step, trials, dataset }

    @Option(names = "--figures", paramLabel = "FIGURE[,FIGURE...]", split = ",",
            description = "Only these figures: step, trials, dataset (default: all three). One figure per JVM keeps "
                    + "each compiled for itself, as in a training run that only steps or only fills datasets.")
    List<Figure> figures = List.of(Figure.values());

    @Option(names = "--vector", paramLabel = "COPIES[,COPIES...]", split = ",",
            description = "Also measure a vector env of each number of copies (steps/s summed over copies), e.g. 1,16,64,256.")
    List<Integer> vectorCopies = new ArrayList<>();

    @Option(names = "--vector-threads", paramLabel = "N[,N...]", split = ",",
            description = "Thread counts of the vector figures (default: 1 and the number of processors).")
    List<Integer> vectorThreads;

    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.fixed(0);
    /** With --all: an array, one object per task. */
    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    @Override
    public Integer call() {
        if (!(seconds > 0) || seconds > 3600) throw new IllegalArgumentException("--seconds must be in (0, 3600], got " + seconds);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> datasetThreads = counts("--threads", threads, List.of(cores));
        List<Integer> vThreads = counts("--vector-threads", vectorThreads, cores == 1 ? List.of(1) : List.of(1, cores));
        counts("--vector", vectorCopies, List.of());
        Host host = main.host();
        List<String> ids = new ArrayList<>();
        if (all) {
            if (id != null || envOptions.config != null || envOptions.collection != null || !envOptions.params.isEmpty()
                    || !envOptions.wraps.isEmpty()) {
                throw new IllegalArgumentException("--all measures every installed task with its defaults: give no task id, "
                        + "--param, --wrap, --config or --collection");
            }
            for (TaskEntry t : host.registry().tasks()) ids.add(t.id());
        } else {
            ids.add(id);
        }
        Throughput clock = new Throughput(seconds, seed.value());
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String task : ids) {
            Map<String, Object> row = measure(host, task, clock, datasetThreads, vThreads);
            if (output.json) rows.add(row);
            else print(out, row);
            out.flush();
        }
        if (output.json) out.println(Json.write(all ? rows : rows.get(0)));
        return Main.OK;
    }

    private Map<String, Object> measure(Host host, String task, Throughput clock, List<Integer> datasetThreads, List<Integer> vThreads) {
        Experiment made = envOptions.make(host, task);
        Supplier<Env> factory = () -> envOptions.make(host, task).env();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", made.task().id());
        m.put("seed", seed.value());
        m.put("seconds", seconds);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        boolean supervised;
        try (Env env = made.env()) {
            if (figures.contains(Figure.step)) m.put("stepsPerSecond", clock.steps(env));
            TrialBased tb = TrialBased.nearest(env);
            if (figures.contains(Figure.trials)) m.put("newTrialsPerSecond", tb == null ? null : clock.newTrials(env, tb));
            env.reset(seed.value()); // a current trial to ask for ground truth, whichever figures ran
            supervised = tb != null && tb.hasGroundTruth();
        }
        Map<String, Object> d = null;
        if (supervised && figures.contains(Figure.dataset)) {
            d = new LinkedHashMap<>();
            d.put("batchSize", Throughput.BATCH);
            d.put("seqLen", Throughput.SEQ);
            List<Integer> counts = new ArrayList<>(List.of(1));
            for (int n : datasetThreads) if (!counts.contains(n)) counts.add(n);
            Throughput.DatasetRates rates = clock.datasetTimesteps(factory, counts);
            Map<String, Object> byThreads = new LinkedHashMap<>();
            Map<String, Object> scaling = new LinkedHashMap<>();
            for (int i = 0; i < counts.size(); i++) {
                byThreads.put(Integer.toString(counts.get(i)), rates.rates()[i]);
                if (i > 0) scaling.put(Integer.toString(counts.get(i)), rates.scaling()[i]);
            }
            double one = rates.rates()[0];
            d.put("oneThread", one);
            d.put("allCores", byThreads.get(Integer.toString(datasetThreads.get(0))));
            d.put("threads", datasetThreads.get(0));
            d.put("scalingOverOneThread", scaling);
            d.put("byThreads", byThreads);
        }
        if (figures.contains(Figure.dataset)) m.put("datasetTimestepsPerSecond", d);
        if (!vectorCopies.isEmpty()) {
            List<Map<String, Object>> v = new ArrayList<>();
            for (int copies : vectorCopies) {
                for (int n : vThreads) {
                    Map<String, Object> fig = new LinkedHashMap<>();
                    fig.put("copies", copies);
                    fig.put("threads", n);
                    fig.put("stepsPerSecond", clock.vectorSteps(factory, copies, n));
                    v.add(fig);
                }
            }
            m.put("vectorStepsPerSecond", v);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> m) {
        out.println(m.get("task") + "  (" + m.get("cores") + " cores, Java " + m.get("java") + ", seed " + m.get("seed") + ", median of "
                + Throughput.ROUNDS + " rounds)");
        if (m.containsKey("stepsPerSecond")) out.printf("  steps/s (random agent, public step)   %s%n", rate(m.get("stepsPerSecond")));
        if (m.containsKey("newTrialsPerSecond")) out.printf("  new trials/s                          %s%n", rate(m.get("newTrialsPerSecond")));
        if (m.containsKey("datasetTimestepsPerSecond")) printDataset(out, (Map<String, Object>) m.get("datasetTimestepsPerSecond"));
        List<Map<String, Object>> v = (List<Map<String, Object>>) m.get("vectorStepsPerSecond");
        if (v != null) {
            for (Map<String, Object> fig : v) {
                String label = "vector steps/s, " + fig.get("copies") + " copies, " + fig.get("threads") + " thr.";
                out.printf("  %-37s %s%n", label, rate(fig.get("stepsPerSecond")));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void printDataset(PrintWriter out, Map<String, Object> d) {
        if (d == null) {
            out.println("  dataset                               n/a (no ground truth)");
            return;
        }
        Map<String, Object> scaling = (Map<String, Object>) d.get("scalingOverOneThread");
        for (Map.Entry<String, Object> e : ((Map<String, Object>) d.get("byThreads")).entrySet()) {
            String label = "dataset timesteps/s, " + e.getKey() + (e.getKey().equals("1") ? " thread" : " threads");
            Object x = scaling.get(e.getKey());
            out.printf("  %-37s %s%s%n", label, rate(e.getValue()), x == null ? "" : String.format("  (%.2fx 1 thread)", (Double) x));
        }
    }

    private static String rate(Object v) {
        return v == null ? "n/a" : Output.number(Math.round((Double) v));
    }

    private static List<Integer> counts(String option, List<Integer> given, List<Integer> fallback) {
        if (given == null || given.isEmpty()) return fallback;
        for (int n : given) {
            if (n < 1) throw new IllegalArgumentException(option + " must be at least 1, got " + n);
            if (n > 4096) throw new IllegalArgumentException(option + " must be at most 4096, got " + n);
        }
        return given;
    }
}
