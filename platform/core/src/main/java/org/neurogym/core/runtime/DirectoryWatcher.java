package org.neurogym.core.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link DirectoryRuntime} in step with its directory. It polls (portable, and prompt
 * enough: a WatchService falls back to slow polling on some systems anyway) and compares each
 * jar's size and modification time with the last one it acted on.
 *
 * <p>A new or changed jar is loaded only once it has been quiet for the settle time and opens as
 * a complete zip, so a jar still being copied is never loaded half; a copy made under another
 * name (or a hidden one) and then renamed is seen once, complete. A jar that stays unreadable is
 * handed to the runtime after a longer wait, which reports it as corrupt, once. A removed jar is
 * unloaded at the next poll.
 */
public final class DirectoryWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final DirectoryRuntime runtime;
    private final long pollMillis;
    private final long settleNanos;
    private final long giveUpNanos;
    private final Map<Path, Pending> pending = new HashMap<>();
    private final Set<Path> present = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final Object signal = new Object();

    private static final class Pending {
        JarSignature signature;
        long since;

        Pending(JarSignature signature, long since) {
            this.signature = signature;
            this.since = since;
        }
    }

    DirectoryWatcher(DirectoryRuntime runtime, Duration poll, Duration settle) {
        this.runtime = runtime;
        this.pollMillis = Math.max(10, poll.toMillis());
        this.settleNanos = settle.toNanos();
        this.giveUpNanos = Math.max(settle.toNanos() * 4, Duration.ofSeconds(2).toNanos());
        present.addAll(runtime.knownJars());
        this.thread = new Thread(this::loop, "neurogym-plugin-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
        log.info("Watching plugins directory {}", runtime.directory());
    }

    private void loop() {
        while (running) {
            try {
                scan(System.nanoTime());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin directory watcher: {}", e.toString());
            }
            synchronized (signal) {
                if (!running) return;
                try {
                    signal.wait(pollMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One look at the directory: acts on removals, and on jars that became quiet and complete. */
    void scan(long now) {
        List<Path> jars = runtime.jars().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Set<Path> seen = new HashSet<>(jars);
        for (Path gone : List.copyOf(present)) {
            if (!seen.contains(gone)) {
                present.remove(gone);
                pending.remove(gone);
                runtime.removed(gone);
            }
        }
        for (Path jar : jars) {
            present.add(jar);
            JarSignature sig = JarSignature.of(jar);
            if (sig == null) continue;
            if (sig.equals(runtime.attemptedSignature(jar))) {
                pending.remove(jar);
                continue;
            }
            Pending p = pending.get(jar);
            if (p == null || !sig.equals(p.signature)) {
                pending.put(jar, new Pending(sig, now));
                continue;
            }
            long quiet = now - p.since;
            if (quiet < settleNanos) continue;
            if (!complete(jar) && quiet < giveUpNanos) continue;
            pending.remove(jar);
            if (!running) return;
            runtime.load(jar);
        }
    }

    private static boolean complete(Path jar) {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.size() >= 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (signal) {
            running = false;
            signal.notifyAll();
        }
        if (Thread.currentThread() == thread) return;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
