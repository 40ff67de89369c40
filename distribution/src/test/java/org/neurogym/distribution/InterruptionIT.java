package org.neurogym.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #16: an interrupted command leaves nothing behind, in its output directory or in the temporary directory. */
class InterruptionIT {
    @TempDir Path out;
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void anInterruptedDatasetLeavesNoPartialFileSpoolOrStagingDirectory(String signal) throws Exception {
        // A background shell starts its children with SIGINT ignored, and the JVM then ignores it too:
        // restore the default disposition before exec'ing the launcher, as a terminal would have it.
        List<String> cmd = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                "sh", DistributionIT.DIST.resolve("bin/neurogym").toString(),
                "dataset", "PerceptualDecisionMaking-v0", "--batch", "64", "--seq", "500", "--batches", "1000000",
                "--threads", "1", "--seed", "1", "--out", out.resolve("x.npz").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile());
        pb.environment().put("NEUROGYM_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(out.resolve("x.npz.part")) && spools().size() == 1 && Files.size(out.resolve("x.npz.part")) > 0)) {
                assertTrue(p.isAlive(), "the dataset command ended early: " + Files.readString(tmp.resolve("log")));
                assertTrue(System.nanoTime() < deadline, "no partial file appeared");
                Thread.sleep(100);
            }
            assertTrue(staging().size() <= 1);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not stop on SIG" + signal);
        } finally {
            p.destroyForcibly();
        }
        assertNotEquals(0, p.exitValue());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing left in the output directory");
        }
        assertEquals(List.of(), staging(), "no staging or felix directory left in " + tmp);
    }

    private List<Path> spools() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".spool")).toList();
        }
    }

    private List<Path> staging() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().startsWith("neurogym-")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"run PerceptualDecisionMaking-v0 --trials 1 --param dim_ring=2000000000",
        "dataset PerceptualDecisionMaking-v0 --batch 1 --seq 1 --batches 1 --param dim_ring=200000000 --out OUT",
        "plot PerceptualDecisionMaking-v0 --width 2000000 --out OUT"})
    void aSizeBeyondTheHeapIsOneLineNotAStackTrace(String args) throws Exception {
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) argv.add(a.equals("OUT") ? out.resolve(args.startsWith("plot") ? "p.png" : "x.npz").toString() : a);
        DistributionIT.Result r = DistributionIT.neurogym(Map.of("NEUROGYM_JAVA_OPTS", "-Xmx128m"), argv.toArray(String[]::new));
        assertNotEquals(0, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("Error:"), r.err());
    }
}
