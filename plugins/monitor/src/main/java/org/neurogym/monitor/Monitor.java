package org.neurogym.monitor;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.Wrapper;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.data.FileFailure;
import org.neurogym.data.npy.NpzWriter;
import org.neurogym.plot.figure.Figure;
import org.neurogym.plot.figure.TrainingHistoryFigure;
import org.neurogym.plot.figure.TrialsFigure;
import org.neurogym.plot.record.Recorder;
import org.neurogym.plot.record.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference's Monitor: records every finished trial (its last action and reward, the reward
 * summed over the trial, its performance, the step's info entries and the trial's numeric facts
 * as {@code trial_<fact>}), and every {@code interval} trials or steps ({@code trigger}) saves
 * them to {@code <local_dir>/<env name>/<timestamp>/trial_<n>.npz}, prints a one-line summary to stderr (verbose),
 * with {@code plot.create} draws the last {@code plot.step} steps to {@code task_<n>.<ext>}, and
 * redraws {@code training_history.<ext>} (mean reward and performance of each saved file).
 *
 * <p>Nothing is lost: {@link #close()} (and a shutdown hook, for Ctrl-C) saves the trials recorded
 * since the last save. Recording allocates per finished trial, not per step.
 */
public final class Monitor extends Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS", Locale.ROOT);

    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.of("Monitor",
            "Records behaviour trial by trial and saves it as .npz every interval trials or steps, with figures.",
            List.of(ParamSpec.string("name", "", "A name for the monitor's log lines (default: Monitor)."),
                    ParamSpec.string("trigger", "trial", "What interval counts: trial or step.").oneOf("trial", "step"),
                    ParamSpec.integer("interval", 1000, "Save every this many trials or steps.").positive(),
                    ParamSpec.bool("verbose", true, "Print a one-line summary to stderr at each save."),
                    new ParamSpec("plot", ParamType.ANY, Map.of(), "Figures: {create, step, title, ext} (as [monitor.plot])."),
                    ParamSpec.string("local_dir", "runs", "The output directory; files go to <local_dir>/<env name>/<timestamp>/."),
                    ParamSpec.string("env_name", "", "The env's name in the output path, one path segment (default: the task's name).")),
            Monitor::new);

    private final String name;
    private final boolean byStep;
    private final long interval;
    private final boolean verbose;
    private final boolean plotCreate;
    private final int plotStep;
    private final String plotTitle;
    private final String plotExt;
    private final Path saveDir;
    private final boolean discrete;
    private final int obSize;
    private final int actSize;
    private final TrialBased trials;

    private final Columns data = new Columns();
    private final List<double[]> history = new ArrayList<>();
    private final float[] lastOb;
    private double cumReward;
    private long numTrials;
    private long stepsSinceSave;
    private Trial currentTrial;
    private boolean dirCreated;
    private boolean closed;
    private Thread shutdownHook;

    // The last plotStep steps, for the figure (a ring buffer).
    private final float[] ringOb;
    private final float[] ringAct;
    private final float[] ringGt;
    private final double[] ringRew;
    private final double[] ringPerf;
    private final boolean[] ringEnd;
    private long ringCount;

    public Monitor(Env env, Params p) {
        super(env);
        String n = p.getString("name");
        this.name = n.isEmpty() ? "Monitor" : n;
        this.byStep = p.getString("trigger").equals("step");
        this.interval = p.getInt("interval");
        this.verbose = p.getBoolean("verbose");
        Map<String, Object> plot = plotTable(p.get("plot"));
        this.plotCreate = (Boolean) plot.getOrDefault("create", Boolean.TRUE);
        long step = ((Number) plot.getOrDefault("step", 10L)).longValue();
        if (step <= 0 || step > 100_000) throw new ParameterException("plot.step", "plot.step must be a positive integer up to 100000, got " + step);
        this.plotStep = (int) step;
        String envName = p.getString("env_name").isEmpty() ? env.name() : pathSegment("env_name", p.getString("env_name"));
        String title = (String) plot.getOrDefault("title", "");
        this.plotTitle = title.isEmpty() ? envName : title;
        this.plotExt = (String) plot.getOrDefault("ext", "png");
        if (!Figure.FORMATS.contains(plotExt)) {
            throw new ParameterException("plot.ext", "plot.ext must be one of " + String.join(", ", Figure.FORMATS) + ", got '" + plotExt + "'");
        }
        this.saveDir = Path.of(p.getString("local_dir"), envName, LocalDateTime.now().format(STAMP));
        this.discrete = env.actionSpace() instanceof Discrete;
        if (!(env.observationSpace() instanceof Box ob)) throw new NeuroGymException("Monitor needs a Box observation space");
        this.obSize = ob.size();
        this.actSize = discrete ? 1 : ((Box) env.actionSpace()).size();
        this.trials = TrialBased.nearest(env);
        this.lastOb = new float[obSize];
        int ring = plotCreate ? plotStep : 0;
        ringOb = new float[ring * obSize];
        ringAct = new float[ring * actSize];
        ringGt = new float[ring * actSize];
        ringRew = new double[ring];
        ringPerf = new double[ring];
        ringEnd = new boolean[ring];
        shutdownHook = new Thread(this::flushQuietly, "neurogym-monitor-flush");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            shutdownHook = null; // already shutting down
        }
    }

    /** A name that becomes one directory under local_dir: no separator, not "." or "..", so nothing is written outside it. */
    private static String pathSegment(String key, String name) {
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            throw new ParameterException(key, key + " must be a single directory name (no '/', '\\', '.' or '..'), got '" + name + "'");
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plotTable(Object v) {
        if (v == null) return Map.of();
        if (!(v instanceof Map)) throw new ParameterException("plot", "plot must be a table {create, step, title, ext}, got " + v);
        Map<String, Object> m = (Map<String, Object>) v;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = e.getKey();
            Object x = e.getValue();
            boolean ok = switch (k) {
                case "create" -> x instanceof Boolean;
                case "step" -> x instanceof Long || x instanceof Integer;
                case "title", "ext" -> x instanceof String;
                default -> throw new ParameterException("plot." + k, "unknown key 'plot." + k + "' (known: create, step, title, ext)");
            };
            if (!ok) throw new ParameterException("plot." + k, "plot." + k + " has the wrong type: " + x);
        }
        return m;
    }

    /** The directory this monitor writes into (created at the first save). */
    public Path saveDirectory() {
        return saveDir;
    }

    /** Trials finished since the monitor was made. */
    public long trials() {
        return numTrials;
    }

    @Override
    public float[] reset(long seed) {
        return started(super.reset(seed));
    }

    @Override
    public float[] reset() {
        return started(super.reset());
    }

    private float[] started(float[] ob) {
        cumReward = 0;
        System.arraycopy(ob, 0, lastOb, 0, obSize);
        currentTrial = trials == null ? null : trials.trial();
        return ob;
    }

    @Override
    public StepResult step(int action) {
        if (plotCreate) remember(action, null);
        StepResult r = env.step(action);
        record(r, action, null);
        return r;
    }

    @Override
    public StepResult step(float[] action) {
        if (plotCreate) remember(0, action);
        StepResult r = env.step(action);
        record(r, 0, action);
        return r;
    }

    private void remember(int action, float[] continuous) {
        int slot = (int) (ringCount % plotStep);
        System.arraycopy(lastOb, 0, ringOb, slot * obSize, obSize);
        if (continuous == null) ringAct[slot] = action;
        else System.arraycopy(continuous, 0, ringAct, slot * actSize, actSize);
    }

    private synchronized void record(StepResult r, int action, float[] continuous) {
        cumReward += r.reward();
        stepsSinceSave++;
        if (plotCreate) {
            int slot = (int) (ringCount % plotStep);
            if (r.hasGroundTruth()) {
                if (discrete) ringGt[slot] = r.groundTruth();
                else System.arraycopy(r.groundTruthVector(), 0, ringGt, slot * actSize, actSize);
            } else {
                Arrays.fill(ringGt, slot * actSize, (slot + 1) * actSize, Float.NaN);
            }
            ringRew[slot] = r.reward();
            ringPerf[slot] = r.newTrial() ? r.performance() : Double.NaN;
            ringEnd[slot] = r.newTrial();
            ringCount++;
        }
        System.arraycopy(r.observation(), 0, lastOb, 0, obSize);
        if (!r.newTrial()) return;
        numTrials++;
        data.newRow();
        if (continuous == null) data.set("action", action);
        else for (int i = 0; i < continuous.length; i++) data.set("action_" + i, continuous[i]);
        data.set("reward", r.reward());
        data.set("cum_reward", cumReward);
        data.set("performance", r.performance());
        data.set("new_trial", 1);
        if (r.hasGroundTruth() && discrete) data.set("gt", r.groundTruth());
        for (Map.Entry<String, Object> e : r.infoIfAny().entrySet()) {
            double v = numeric(e.getValue());
            if (!Double.isNaN(v)) data.set(e.getKey(), v);
        }
        if (currentTrial != null) {
            for (Map.Entry<String, Object> e : currentTrial.asMap().entrySet()) {
                double v = numeric(e.getValue());
                if (!Double.isNaN(v)) data.set("trial_" + e.getKey(), v);
            }
        }
        cumReward = 0;
        currentTrial = trials == null ? null : trials.trial();
        boolean save = byStep ? stepsSinceSave >= interval : numTrials % interval == 0;
        if (save) save();
    }

    private static double numeric(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        return Double.NaN;
    }

    /** Saves the trials recorded since the last save (nothing when there are none). */
    public synchronized void flush() {
        if (data.rows() > 0) save();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not save the last trials on shutdown: {}", name, e.getMessage());
        }
    }

    private void save() {
        ensureDir();
        Path file = saveDir.resolve("trial_" + numTrials + ".npz");
        Map<String, double[]> columns = data.snapshot();
        int n = data.rows();
        try (NpzWriter w = NpzWriter.create(file)) {
            for (Map.Entry<String, double[]> e : columns.entrySet()) w.write(e.getKey(), e.getValue(), n);
        }
        double meanReward = data.mean("reward");
        double meanPerf = data.mean("performance");
        history.add(new double[] {numTrials, meanReward, meanPerf});
        if (verbose) {
            // printed, not logged: the default log level (WARN) would hide what verbose asks for
            System.err.println(String.format(Locale.ROOT, "%s: %d trials, mean reward %.4f, mean performance %.4f; saved %s",
                    name, numTrials, meanReward, meanPerf, file));
        }
        data.clear();
        stepsSinceSave = 0;
        if (plotCreate && ringCount > 0) {
            Path figure = saveDir.resolve(String.format(Locale.ROOT, "task_%06d.%s", numTrials, plotExt));
            drawing(figure, () -> TrialsFigure.of(recording()).title(plotTitle).figure().writePng(figure));
        }
        writeHistory();
    }

    /**
     * Draws a figure; a failure (a full disk, a bad directory) is reported in one line and the run
     * goes on recording: losing a picture must not lose the data.
     */
    private void drawing(Path file, Runnable draw) {
        try {
            draw.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not draw {}: {}; recording goes on", name, file, FileFailure.reason(e));
        }
    }

    private void ensureDir() {
        if (dirCreated) return;
        try {
            java.nio.file.Files.createDirectories(saveDir);
        } catch (java.io.IOException e) {
            throw new NeuroGymException(FileFailure.describe(name + " cannot create", saveDir, e));
        }
        dirCreated = true;
    }

    /** The last {@code plot.step} steps as a recording for the trials figure. */
    private Recording recording() {
        int n = (int) Math.min(ringCount, plotStep);
        long first = ringCount - n;
        float[] ob = new float[n * obSize];
        float[] act = new float[n * actSize];
        float[] gt = new float[n * actSize];
        double[] rew = new double[n];
        double[] perf = new double[n];
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < n; i++) {
            int slot = (int) ((first + i) % plotStep);
            System.arraycopy(ringOb, slot * obSize, ob, i * obSize, obSize);
            System.arraycopy(ringAct, slot * actSize, act, i * actSize, actSize);
            System.arraycopy(ringGt, slot * actSize, gt, i * actSize, actSize);
            rew[i] = ringRew[slot];
            perf[i] = ringPerf[slot];
            if (ringEnd[slot] && i + 1 < n) starts.add(i + 1);
        }
        Map<String, Double> levels = trials == null ? Map.of() : trials.task().rewards();
        return new Recording(plotTitle, env.dt(), n, Recorder.names(env.observationSpace().channels(), obSize, "ob"), ob,
                discrete ? Recorder.names(env.actionSpace().channels(), ((Discrete) env.actionSpace()).n(), "action")
                        : Recorder.names(env.actionSpace().channels(), actSize, "action"),
                discrete, act, gt, rew, perf, starts.stream().mapToInt(Integer::intValue).toArray(), List.of(), levels);
    }

    private void writeHistory() {
        if (history.isEmpty()) return;
        double[] x = new double[history.size()];
        double[] r = new double[history.size()];
        double[] p = new double[history.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = history.get(i)[0];
            r[i] = history.get(i)[1];
            p[i] = history.get(i)[2];
        }
        Path file = saveDir.resolve("training_history." + plotExt);
        drawing(file, () -> TrainingHistoryFigure.writePng(plotTitle + ": training history", x, r, p, file));
    }

    /**
     * Runs {@code numTrials} trials with {@code policy} (random actions when null) without recording
     * them, and measures rewards and performance.
     */
    public Evaluation evaluatePolicy(int numTrials, Agent policy) {
        if (numTrials <= 0) throw new IllegalArgumentException("numTrials must be positive, got " + numTrials);
        Agent agent = policy != null ? policy : Agents.random(env.actionSpace(), System.nanoTime());
        double[] rewards = new double[numTrials];
        double[] cum = new double[numTrials];
        double[] perf = new double[numTrials];
        float[] ob = env.reset();
        double sum = 0;
        int done = 0;
        long steps = 0;
        while (done < numTrials) {
            if (++steps > (long) numTrials * 100_000L) {
                throw new NeuroGymException(name + ": only " + done + " of " + numTrials + " trials ended; does the policy ever end a trial?");
            }
            StepResult r = agent.step(env, ob);
            sum += r.reward();
            if (r.newTrial()) {
                rewards[done] = r.reward();
                cum[done] = sum;
                perf[done] = r.performance();
                sum = 0;
                done++;
            }
            ob = r.observation();
        }
        double positive = 0;
        for (double v : rewards) if (v > 0) positive++;
        return new Evaluation(rewards, positive / numTrials, cum, Arrays.stream(cum).average().orElse(Double.NaN), perf,
                Arrays.stream(perf).average().orElse(Double.NaN));
    }

    /** Saves the pending trials and the training history, then closes the env. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        try {
            flush();
        } finally {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down; the hook runs or has run
                }
            }
            super.close();
        }
    }
}
