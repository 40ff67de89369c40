package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.core.Experiment;
import org.neurogym.core.Host;
import org.neurogym.core.json.Json;
import org.neurogym.data.Batch;
import org.neurogym.data.Dataset;
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
                        + "targets: int64 [K, L, B] for discrete actions, float32 [K, L, B, act] for Box actions."})
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

    @Mixin SharedOptions.JsonOutput output = new SharedOptions.JsonOutput();

    /** What was written, for the report. */
    private record Written(String task, long seed, int threads, long[] inputShape, DType inputType, long[] targetShape, DType targetType,
            double seconds) {}

    @Override
    public Integer call() {
        checkSizes();
        Host host = main.host();
        Experiment made = envOptions.make(host, id);
        Dataset.Builder builder = Dataset.builder(made.env())
                .copies(() -> envOptions.make(host, id).env())
                .batchSize(batch).seqLen(seq).batchFirst(batchFirst).seed(seed.value())
                .threads(threads.count());
        Written w = write(made.task().id(), builder);
        if (output.json) reportJson(w);
        else reportText(w);
        return Main.OK;
    }

    /** Refuses sizes that cannot make a file, and an --out whose directory is missing, before any work. */
    private void checkSizes() {
        if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        if (seq < 1) throw new IllegalArgumentException("--seq must be at least 1, got " + seq);
        if (batches < 1) throw new IllegalArgumentException("--batches must be at least 1, got " + batches);
        threads.count();
        if ((long) batch * seq > Integer.MAX_VALUE / 64) {
            throw new IllegalArgumentException("--batch × --seq = " + (long) batch * seq + " is too large for one batch in memory");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new IllegalArgumentException("--out: directory " + dir + " does not exist");
    }

    /** Fills --batches batches into the .npz file, streaming each array, with a progress bar on a terminal. */
    private Written write(String task, Dataset.Builder builder) {
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = !output.json && System.console() != null;
        long started = System.nanoTime();
        try (Dataset ds = builder.build()) {
            long[] inShape = prepend(batches, ds.inputShape());
            long[] tgShape = prepend(batches, ds.targetShape());
            DType tgType = ds.discrete() ? DType.INT64 : DType.FLOAT32;
            DType inType = ds.uint8() ? DType.UINT8 : DType.FLOAT32;
            try (NpzWriter w = NpzWriter.create(out)) {
                NpyOutput inputs = w.open("inputs", inType, inShape);
                NpyOutput targets = w.open("targets", tgType, tgShape);
                long lastDrawn = 0;
                for (long k = 0; k < batches; k++) {
                    Batch b = ds.next();
                    if (ds.uint8()) inputs.write(b.inputBytes(), 0, b.inputBytes().length);
                    else inputs.write(b.inputs());
                    if (ds.discrete()) targets.write(b.targets());
                    else targets.write(b.targetVectors());
                    if (progress && (System.nanoTime() - lastDrawn > 100_000_000L || k == batches - 1)) {
                        lastDrawn = System.nanoTime();
                        bar(err, k + 1, batches);
                    }
                }
                inputs.close();
                targets.close();
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
        m.put("inputs", Map.of("dtype", dtypeName(w.inputType()), "shape", w.inputShape()));
        m.put("targets", Map.of("dtype", dtypeName(w.targetType()), "shape", w.targetShape()));
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

    private static String dtypeName(DType t) {
        return t == DType.INT64 ? "int64" : t == DType.UINT8 ? "uint8" : "float32";
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
