package org.neurogym.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurogym.api.Rng;
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

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the whole dataset (default: drawn, and reported).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads filling each batch (default: the number of processors).")
    Integer threads;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The .npz file to write.")
    Path out;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        if (seq < 1) throw new IllegalArgumentException("--seq must be at least 1, got " + seq);
        if (batches < 1) throw new IllegalArgumentException("--batches must be at least 1, got " + batches);
        if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if ((long) batch * seq > Integer.MAX_VALUE / 64) {
            throw new IllegalArgumentException("--batch × --seq = " + (long) batch * seq + " is too large for one batch in memory");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new IllegalArgumentException("--out: directory " + dir + " does not exist");
        long s = seed != null ? seed : Rng.derive(System.nanoTime(), 17);

        Host host = main.host();
        EnvOptions.Made made = envOptions.make(host, id);
        Dataset.Builder builder = Dataset.builder(made.env())
                .copies(() -> envOptions.make(host, id).env())
                .batchSize(batch).seqLen(seq).batchFirst(batchFirst).seed(s);
        if (threads != null) builder.threads(threads);

        PrintWriter err = spec.commandLine().getErr();
        boolean progress = !json && System.console() != null;
        long started = System.nanoTime();
        long[] inShape;
        long[] tgShape;
        DType tgType;
        DType inType;
        int threadsUsed;
        try (Dataset ds = builder.build()) {
            threadsUsed = ds.threads();
            inShape = prepend(batches, ds.inputShape());
            tgShape = prepend(batches, ds.targetShape());
            tgType = ds.discrete() ? DType.INT64 : DType.FLOAT32;
            inType = ds.uint8() ? DType.UINT8 : DType.FLOAT32;
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
        } finally {
            if (progress) err.println();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long timesteps = batches * batch * seq;
        long bytes;
        try {
            bytes = Files.size(out);
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", made.entry().id());
            m.put("file", out.toString());
            m.put("seed", s);
            m.put("batches", batches);
            m.put("batchSize", batch);
            m.put("seqLen", seq);
            m.put("batchFirst", batchFirst);
            m.put("threads", threadsUsed);
            m.put("inputs", Map.of("dtype", inType == DType.UINT8 ? "uint8" : "float32", "shape", inShape));
            m.put("targets", Map.of("dtype", tgType == DType.INT64 ? "int64" : "float32", "shape", tgShape));
            m.put("timesteps", timesteps);
            m.put("bytes", bytes);
            m.put("seconds", seconds);
            o.println(Json.write(m));
        } else {
            o.println("wrote " + out + " (" + Output.number(bytes) + " bytes)");
            o.println("  task       " + made.entry().id() + "  seed " + s);
            o.println("  inputs     " + (inType == DType.UINT8 ? "uint8 " : "float32 ") + shape(inShape));
            o.println("  targets    " + (tgType == DType.INT64 ? "int64 " : "float32 ") + shape(tgShape));
            o.printf("  timesteps  %s in %s s (%s/s, %d thread%s)%n", Output.number(timesteps), Output.fixed(seconds, 2),
                    Output.number(Math.round(timesteps / Math.max(seconds, 1e-9))), threadsUsed, threadsUsed == 1 ? "" : "s");
        }
        return Main.OK;
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
