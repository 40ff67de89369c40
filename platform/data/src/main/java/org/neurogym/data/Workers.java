package org.neurogym.data;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.neurogym.api.NeuroGymException;

/**
 * A fixed team of threads that runs one job split into {@code parts}: part 0 in the calling thread,
 * the others in daemon threads kept for the team's life. Handing out a job and waiting for it
 * allocates nothing (a volatile generation counter, park/unpark), so it can sit on a per-step path.
 * One caller at a time.
 */
final class Workers implements AutoCloseable {
    /** One part of a job. */
    interface Job {
        void run(int part);
    }

    private static final int SPINS = 1 << 12;

    private final int parts;
    private final Thread[] threads;
    private final Throwable[] failures;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Job job;
    private volatile long generation;
    private volatile Thread caller;
    private volatile boolean closed;

    Workers(int parts, String name) {
        if (parts < 1) throw new IllegalArgumentException("threads must be at least 1, got " + parts);
        this.parts = parts;
        this.failures = new Throwable[parts];
        this.threads = new Thread[parts - 1];
        for (int i = 0; i < threads.length; i++) {
            int part = i + 1;
            Thread t = new Thread(() -> loop(part), name + "-" + part);
            t.setDaemon(true);
            threads[i] = t;
            t.start();
        }
    }

    int parts() {
        return parts;
    }

    /** The first index of part {@code p} when {@code n} items are split into the parts. */
    int from(int p, int n) {
        return (int) ((long) p * n / parts);
    }

    /** Runs {@code j} on every part and returns when all are done; the first failure (lowest part) is rethrown. */
    void run(Job j) {
        if (closed) throw new IllegalStateException("closed");
        if (parts == 1) {
            j.run(0);
            return;
        }
        job = j;
        caller = Thread.currentThread();
        pending.set(parts - 1);
        generation = generation + 1; // publishes job and pending to the workers
        for (Thread t : threads) LockSupport.unpark(t);
        try {
            j.run(0);
        } catch (Throwable t) {
            failures[0] = t;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (spins++ < SPINS) Thread.onSpinWait();
            else LockSupport.park(this);
        }
        job = null;
        for (int p = 0; p < parts; p++) {
            Throwable t = failures[p];
            if (t != null) {
                java.util.Arrays.fill(failures, null);
                if (t instanceof RuntimeException r) throw r;
                if (t instanceof Error e) throw e;
                throw new NeuroGymException(t.toString(), t);
            }
        }
    }

    private void loop(int part) {
        long seen = 0;
        while (true) {
            long g;
            int spins = 0;
            while ((g = generation) == seen && !closed) {
                if (spins++ < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = g;
            try {
                job.run(part);
            } catch (Throwable t) {
                failures[part] = t;
            }
            if (pending.decrementAndGet() == 0) LockSupport.unpark(caller);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) LockSupport.unpark(t);
    }
}
