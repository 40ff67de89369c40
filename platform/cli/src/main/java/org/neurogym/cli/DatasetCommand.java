package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neurogym.api.space.Discrete;
import org.neurogym.core.Experiment;
import org.neurogym.core.Host;
import org.neurogym.core.TaskInfo;
import org.neurogym.core.config.WrapperConfig;
import org.neurogym.core.json.Json;
import org.neurogym.data.Batch;
import org.neurogym.data.Dataset;
import org.neurogym.data.LossMask;
import org.neurogym.data.TrialStart;
import org.neurogym.data.npy.DType;
import org.neurogym.data.npy.NpyOutput;
import org.neurogym.data.npy.NpzWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Write a supervised dataset of a task to a .npz file (numpy: np.load).",
                "inputs: float32 [K, L, B, obs] ([K, B, L, obs] with --batch-first), uint8 [K, L, B, height, width, 3] for pixel tasks; "
                        + "targets: int64 [K, L, B] for discrete actions, float32 [K, L, B, act] for Box actions; "
                        + "meta: the task, parameters, wrappers, spaces, dt, seed and version as JSON text (uint8).",
                "On request: mask float32 [K, L, B], trial_start bool [K, L, B], and the trials that start "
                        + "(trials int64 [N, 3]: batch, row, step; trial_<fact> float64 [N] per numeric fact)."})
final class DatasetCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Mixin EnvOptions envOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Task id (or from --config).")
    String id;

    @Option(names = "--batch", paramLabel = "B", required = true, description = "Sequences per batch.")
    int batch;

    @Option(names = "--seq", paramLabel = "L", required = true, description = "Steps per sequence.")
    int seq;

    @Option(names = "--batches", paramLabel = "K", required = true, description = "Number of batches.")
    long batches;

    @Option(names = "--batch-first", description = "Lay each batch out [B, L, ...] instead of [L, B, ...].")
    boolean batchFirst;

    @Mixin SharedOptions.Seed seed = SharedOptions.Seed.drawn();
    @Mixin SharedOptions.Threads threads = new SharedOptions.Threads();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The .npz file to write.")
    Path out;

    @Option(names = "--mask", paramLabel = "SPEC", description = "Also write a per-step loss weight: yang19 (Yang et al. 2019's "
            + "cost mask, 100 ms grace), yang19:PERIOD:GRACE_MS, or PERIOD=W,... with *=W for the other steps (e.g. fixation=0).")
    String mask;

    @Option(names = "--trial-starts", description = "Also write trial_start: true at the first step of every trial.")
    boolean trialStarts;

    @Option(names = "--trial-facts", description = "Also write where every trial starts (trials) and its numeric facts (trial_<fact>).")
    boolean trialFacts;

    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    /** What was written, for the report. */
    private record Written(String task, long seed, int threads, long[] inputShape, DType inputType, long[] targetShape, DType targetType,
            double seconds) {}

    @Override
    public Integer call() {
        checkSizes();
        LossMask lossMask = lossMask();
        OutputFile target = OutputFile.check("--out", out);
        Host host = main.host();
        Experiment made = envOptions.make(host, id);
        Dataset.Builder builder = Dataset.builder(made.env())
                .copies(() -> envOptions.make(host, id).env())
                .batchSize(batch).seqLen(seq).batchFirst(batchFirst).seed(seed.value())
                .threads(threads.count())
                .mask(lossMask).trialStarts(trialStarts).trialFacts(trialFacts);
        Written w = write(made, builder, lossMask, target);
        target.reportReplaced(spec.commandLine().getErr());
        if (output.json) reportJson(w);
        else reportText(w);
        return Main.OK;
    }

    /** Refuses sizes that cannot make a file before any work (the --out path is checked by OutputFile). */
    private void checkSizes() {
        if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        if (seq < 1) throw new IllegalArgumentException("--seq must be at least 1, got " + seq);
        if (batches < 1) throw new IllegalArgumentException("--batches must be at least 1, got " + batches);
        threads.count();
        if ((long) batch * seq > Integer.MAX_VALUE / 64) {
            throw new IllegalArgumentException("--batch × --seq = " + (long) batch * seq + " is too large for one batch in memory");
        }
        if (out.toString().equals("-")) {
            throw new IllegalArgumentException("--out -: an .npz cannot go to standard output (a zip is written with seeks); "
                    + "give a file name");
        }
    }

    private LossMask lossMask() {
        try {
            return mask == null ? null : LossMask.parse(mask);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mask: " + e.getMessage());
        }
    }

    /** Fills --batches batches into the .npz file, streaming each array, with a progress bar on a terminal. */
    private Written write(Experiment made, Dataset.Builder builder, LossMask lossMask, OutputFile target) {
        String task = made.task().id();
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = !output.json && System.console() != null;
        long started = System.nanoTime();
        try (Dataset ds = builder.build()) {
            long[] inShape = prepend(batches, ds.inputShape());
            long[] tgShape = prepend(batches, ds.targetShape());
            DType tgType = ds.discrete() ? DType.INT64 : DType.FLOAT32;
            long[] stepShape = prepend(batches, batchFirst ? new int[] {batch, seq} : new int[] {seq, batch});
            DType inType = ds.uint8() ? DType.UINT8 : DType.FLOAT32;
            List<long[]> starts = new ArrayList<>();
            List<Map<String, Object>> facts = new ArrayList<>();
            target.createDirectories();
            try (NpzWriter w = NpzWriter.create(out)) {
                writeMeta(w, made, lossMask);
                NpyOutput inputs = w.open("inputs", inType, inShape);
                NpyOutput targets = w.open("targets", tgType, tgShape);
                NpyOutput masks = lossMask == null ? null : w.open("mask", DType.FLOAT32, stepShape);
                NpyOutput startFlags = trialStarts ? w.open("trial_start", DType.BOOL, stepShape) : null;
                long lastDrawn = 0;
                for (long k = 0; k < batches; k++) {
                    Batch b = ds.next();
                    if (ds.uint8()) inputs.write(b.inputBytes(), 0, b.inputBytes().length);
                    else inputs.write(b.inputs());
                    if (ds.discrete()) targets.write(b.targets());
                    else targets.write(b.targetVectors());
                    if (masks != null) masks.write(b.mask());
                    if (startFlags != null) startFlags.write(b.trialStarts());
                    for (TrialStart t : b.trials()) {
                        starts.add(new long[] {k, t.row(), t.step()});
                        facts.add(t.facts());
                    }
                    if (progress && (System.nanoTime() - lastDrawn > 100_000_000L || k == batches - 1)) {
                        lastDrawn = System.nanoTime();
                        bar(err, k + 1, batches);
                    }
                }
                inputs.close();
                targets.close();
                if (masks != null) masks.close();
                if (startFlags != null) startFlags.close();
                if (trialFacts) writeTrials(w, starts, facts);
            }
            return new Written(task, seed.value(), ds.threads(), inShape, inType, tgShape, tgType, (System.nanoTime() - started) / 1e9);
        } finally {
            if (progress) err.println();
        }
    }

    private long fileSize() {
        try {
            return Files.size(out);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private void reportJson(Written w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", w.task());
        m.put("file", out.toString());
        m.put("seed", w.seed());
        m.put("batches", batches);
        m.put("batchSize", batch);
        m.put("seqLen", seq);
        m.put("batchFirst", batchFirst);
        m.put("threads", w.threads());
        m.put("inputs", array(dtypeName(w.inputType()), w.inputShape()));
        m.put("targets", array(dtypeName(w.targetType()), w.targetShape()));
        m.put("timesteps", batches * batch * seq);
        m.put("bytes", fileSize());
        m.put("seconds", w.seconds());
        spec.commandLine().getOut().println(Json.write(m));
    }

    private void reportText(Written w) {
        PrintWriter o = spec.commandLine().getOut();
        long timesteps = batches * batch * seq;
        o.println("wrote " + out + " (" + Output.number(fileSize()) + " bytes)");
        o.println("  task       " + w.task() + "  seed " + w.seed() + seed.repeatHint());
        o.println("  inputs     " + dtypeName(w.inputType()) + " " + shape(w.inputShape()));
        o.println("  targets    " + dtypeName(w.targetType()) + " " + shape(w.targetShape()));
        o.printf("  timesteps  %s in %s s (%s/s, %d thread%s)%n", Output.number(timesteps), Output.fixed(w.seconds(), 2),
                Output.number(Math.round(timesteps / Math.max(w.seconds(), 1e-9))), w.threads(), w.threads() == 1 ? "" : "s");
    }

    /** {@code {dtype, shape}} in that order on every run (Map.of's order changes from JVM to JVM). */
    private static Map<String, Object> array(String dtype, long[] shape) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtype", dtype);
        m.put("shape", shape);
        return m;
    }

    private static String dtypeName(DType t) {
        return t == DType.INT64 ? "int64" : t == DType.UINT8 ? "uint8" : "float32";
    }

    /** {@code meta}: what the file holds and how it was made, as JSON text in a uint8 array ({@code json.loads(bytes(f["meta"]))}). */
    private void writeMeta(NpzWriter w, Experiment made, LossMask lossMask) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", made.task().id());
        m.put("params", made.params());
        List<Map<String, Object>> wrappers = new ArrayList<>();
        for (WrapperConfig wc : made.wrappers()) {
            Map<String, Object> one = new LinkedHashMap<>(); // a fixed key order: same data, same bytes
            one.put("name", wc.name());
            one.put("params", wc.params());
            wrappers.add(one);
        }
        m.put("wrappers", wrappers);
        m.put("observation_space", TaskInfo.space(made.env().observationSpace()));
        m.put("action_space", TaskInfo.space(made.env().actionSpace()));
        if (made.env().actionSpace() instanceof Discrete d) m.put("n_actions", d.n());
        m.put("dt", made.env().dt());
        m.put("seed", seed.value());
        m.put("batches", batches);
        m.put("batch_size", batch);
        m.put("seq_len", seq);
        m.put("batch_first", batchFirst);
        m.put("layout", batchFirst ? "[K, B, L, ...]" : "[K, L, B, ...]");
        if (lossMask != null) m.put("mask", lossMask.toString());
        String v = DatasetCommand.class.getPackage().getImplementationVersion();
        m.put("version", v == null ? "dev" : v);
        byte[] json = Json.line(m).getBytes(StandardCharsets.UTF_8);
        try (NpyOutput meta = w.open("meta", DType.UINT8, json.length)) {
            meta.write(json, 0, json.length);
        }
    }

    /** {@code trials} [N, 3] (batch, row, step) and one float64 column per numeric fact (NaN where a trial lacks it). */
    private static void writeTrials(NpzWriter w, List<long[]> starts, List<Map<String, Object>> facts) {
        int n = starts.size();
        long[] index = new long[n * 3];
        for (int i = 0; i < n; i++) System.arraycopy(starts.get(i), 0, index, i * 3, 3);
        w.write("trials", index, n, 3);
        Set<String> numeric = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (Map<String, Object> f : facts) {
            f.forEach((k, v) -> (v instanceof Number || v instanceof Boolean ? numeric : other).add(k));
        }
        numeric.removeAll(other);
        for (String key : numeric) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                Object v = facts.get(i).get(key);
                column[i] = v instanceof Number num ? num.doubleValue() : v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
            }
            w.write("trial_" + key.replace('/', '_'), column, n);
        }
    }

    private static long[] prepend(long k, int[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = k;
        for (int i = 0; i < shape.length; i++) s[i + 1] = shape[i];
        return s;
    }

    private static String shape(long[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) sb.append(i > 0 ? ", " : "").append(s[i]);
        return sb.append(')').toString();
    }

    private static void bar(PrintWriter err, long done, long total) {
        int width = 30;
        int filled = (int) (width * done / total);
        err.print("\r  [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " batches");
        err.flush();
    }
}
