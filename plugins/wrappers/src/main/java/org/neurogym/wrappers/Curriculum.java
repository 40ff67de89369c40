package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Recipe;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.Wrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Trains through stages, as animals are shaped (ngym_shaping, PsychRNN's curricula): each stage is
 * the wrapped env made again with some parameters changed, of its task and/or of the wrappers
 * below the curriculum. The stack below is remade from the {@link Recipe}s its descriptors
 * recorded, once per stage at construction, so a stage naming a parameter that nothing below
 * declares (or a value out of range) is refused at once, naming the stage and the key.
 *
 * <p>When a trial ends, the rule decides the stage of the next trial: after {@code trials} trials
 * ({@code rule = "trials"}), or when the mean performance of the stage's last {@code window} trials
 * is above {@code threshold} and the stage has run at least {@code min_trials} trials
 * ({@code rule = "performance"}). The next trial already comes from the new stage. A stage
 * with its own {@code trials} ends after that many trials whatever the rule. The last stage
 * is kept for good. Every step that ends a trial reports {@code stage} (the stage of that trial),
 * {@code stage_name} and {@code stage_performance} (the mean over the stage's window so far, that
 * trial included) in its info. The stage
 * is training progress: a reset does not go back to the first stage. Stage {@code j}'s env is
 * reset with {@code Rng.derive(seed, j)} (stage 0 with the seed itself), like the envs of
 * {@link ScheduleEnvs}.
 */
public final class Curriculum extends EnvSwitcher {
    public static final String TRIALS = "trials";
    public static final String PERFORMANCE = "performance";

    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("Curriculum").family("schedule")
            .description("Trains through stages, each the wrapped env made again with parameters changed (of the task, or of a wrapper "
                    + "below, as a table under its id). The stage advances when a trial ends: after 'trials' trials (rule trials), or when "
                    + "the mean performance over the stage's last 'window' trials is above 'threshold' after at least 'min_trials' trials "
                    + "(rule performance); the next trial comes from the new stage. Info reports 'stage', 'stage_name' and 'stage_performance' "
                    + "at the end of every trial. A stage naming a parameter nothing below declares is refused when the wrapper is made.")
            .paper("Molano-Mazon et al. ngym_shaping", "https://github.com/manuelmolano/ngym_shaping")
            .params(ParamSpec.required("stages", ParamType.ANY,
                            "The stages, in order: a list of tables of parameter overrides; 'name' labels a stage, 'trials' ends it after "
                                    + "so many trials whatever the rule, a wrapper id below takes a table of that wrapper's overrides, any "
                                    + "other key is a parameter of the task."),
                    ParamSpec.string("rule", PERFORMANCE, "When a stage ends: 'trials' (a number of trials) or 'performance'.")
                            .oneOf(TRIALS, PERFORMANCE),
                    ParamSpec.integer("trials", 100, "Trials per stage (rule trials).").min(1),
                    ParamSpec.number("threshold", 0.75, "The mean performance the window must exceed (rule performance).").range(0, 1),
                    ParamSpec.integer("window", 20, "Trials over which performance is averaged (rule performance).").min(1),
                    ParamSpec.integer("min_trials", 0, "Trials a stage runs at least (rule performance).").min(0))
            .accepts(new Accepts("trial-based envs with 1-D Box observations, made by descriptors (so that they can be remade)",
                    env -> Accepts.TRIAL_BASED.test(env) && remakeable(env)))
            .contractParams((id, env) -> Map.of("stages", List.of(Map.of("name", "first"), Map.of("name", "second")),
                    "rule", TRIALS, "trials", 3))
            .build(Curriculum::new);

    /**
     * A stage: a label, the parameter overrides of the task (and, as tables under their ids, of the
     * wrappers below), and {@code trials}: when positive, the stage ends after that many trials
     * whatever the rule (a stage that only teaches to answer), else the rule decides.
     */
    public record Stage(String name, Map<String, ?> overrides, int trials) {
        public Stage {
            Objects.requireNonNull(name, "name");
            overrides = Map.copyOf(overrides);
            if (trials < 0) throw new IllegalArgumentException("stage '" + name + "': trials must be >= 0, got " + trials);
        }

        public Stage(String name, Map<String, ?> overrides) {
            this(name, overrides, 0);
        }
    }

    /**
     * When a stage ends.
     *
     * @param rule {@link #TRIALS} or {@link #PERFORMANCE}
     */
    public record Advance(String rule, int trials, double threshold, int window, int minTrials) {
        /** The window of {@code stage_performance} when only the number of trials counts. */
        public static final int REPORTED_WINDOW = 20;

        public Advance {
            if (!TRIALS.equals(rule) && !PERFORMANCE.equals(rule)) {
                throw new IllegalArgumentException("rule must be '" + TRIALS + "' or '" + PERFORMANCE + "', got " + rule);
            }
            if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
            if (TRIALS.equals(rule) && trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }

        public static Advance afterTrials(int trials) {
            return new Advance(TRIALS, trials, 0, REPORTED_WINDOW, 0);
        }

        public static Advance onPerformance(double threshold, int window, int minTrials) {
            return new Advance(PERFORMANCE, 0, threshold, window, minTrials);
        }

        boolean byTrials() {
            return rule.equals(TRIALS);
        }
    }

    private final List<String> names;
    /** Per stage: trials after which it ends whatever the rule, or 0. */
    private final int[] fixedTrials;
    private final Advance advance;
    /** The stage's last performances, a ring of {@code window} (reported under either rule). */
    private final double[] window;
    private int filled;
    private int slot;
    private double windowSum;
    private int stage;
    private int trialsInStage;
    private boolean trialRunning;
    private int endedStage;
    private double endedWindowMean;

    /** Stages made from the recipes of {@code env}'s stack: stage {@code j} is {@code env} remade with {@code stages.get(j)}'s overrides. */
    public Curriculum(Env env, List<Stage> stages, Advance advance) {
        this(Built.of(env, stages), advance);
    }

    public Curriculum(Env env, Params params) {
        this(env, stagesOf(params.get("stages")), new Advance(params.getString("rule"), params.getInt("trials"),
                params.getDouble("threshold"), params.getInt("window"), params.getInt("min_trials")));
    }

    private Curriculum(Built built, Advance advance) {
        super("Curriculum", built.envs.get(0), built.envs.subList(1, built.envs.size()), false);
        this.names = built.names;
        this.fixedTrials = built.fixedTrials;
        this.advance = advance;
        this.window = new double[advance.window()];
    }

    /** The stage envs, made before the switcher is built over them (and closed if any stage fails). */
    private record Built(List<Env> envs, List<String> names, int[] fixedTrials) {
        static Built of(Env env, List<Stage> stages) {
            if (stages.isEmpty()) throw new ParameterException("stages", "Curriculum needs at least one stage");
            List<Recipe> layers = layersOf(env);
            List<Env> envs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try {
                for (int j = 0; j < stages.size(); j++) {
                    Stage s = stages.get(j);
                    names.add(s.name());
                    envs.add(j == 0 && s.overrides().isEmpty() ? env : remake(layers, s, j));
                }
            } catch (RuntimeException e) {
                for (Env made : envs) if (made != env) made.close();
                throw e;
            }
            for (int j = 1; j < envs.size(); j++) requireSameShape(envs.get(0), envs.get(j), j, stages.get(j));
            if (envs.get(0) != env) env.close(); // the first stage replaced the env given
            return new Built(envs, names, stages.stream().mapToInt(Stage::trials).toArray());
        }
    }

    /** Stages take turns in one stream of steps: an agent needs the same spaces and time step in all of them. */
    private static void requireSameShape(Env first, Env other, int j, Stage stage) {
        String was = "observations " + first.observationSpace() + ", actions " + first.actionSpace() + ", dt " + first.dt();
        String now = "observations " + other.observationSpace() + ", actions " + other.actionSpace() + ", dt " + other.dt();
        if (!was.equals(now)) {
            throw new ParameterException("stages[" + j + "]", "Curriculum stage " + j + " ('" + stage.name() + "') has " + now
                    + " but stage 0 has " + was + "; stages must keep the spaces and dt");
        }
    }

    /** Whether every layer of {@code env} down to its task was made by a descriptor. */
    static boolean remakeable(Env env) {
        for (Env e = env; ; e = ((Wrapper) e).inner()) {
            Recipe r = recipeOf(e);
            if (r == null) return false;
            if (r.task()) return true;
            if (!(e instanceof Wrapper)) return false;
        }
    }

    private static Recipe recipeOf(Env e) {
        if (e instanceof Wrapper w) return w.recipe();
        if (e instanceof TrialEnv t) return t.recipe();
        return null;
    }

    /** The recipes of {@code env}'s stack, the task's first. */
    private static List<Recipe> layersOf(Env env) {
        if (!remakeable(env)) {
            throw new NeuroGymException("Curriculum needs an env made by descriptors (through a host, or TaskDescriptor.create and "
                    + "WrapperDescriptor.wrap) to remake it per stage, but " + env.name() + " was made directly");
        }
        List<Recipe> out = new ArrayList<>();
        for (Env e = env; ; e = ((Wrapper) e).inner()) {
            Recipe r = recipeOf(e);
            out.add(0, r);
            if (r.task()) return out;
        }
    }

    /** The stack remade with stage {@code j}'s overrides; a key nothing below declares is refused naming the stage and key. */
    private static Env remake(List<Recipe> layers, Stage stage, int j) {
        Map<String, Object> taskOverrides = new LinkedHashMap<>();
        Map<String, Map<String, ?>> wrapperOverrides = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : stage.overrides().entrySet()) {
            boolean wrapperBelow = layers.stream().skip(1).anyMatch(r -> r.id().equals(e.getKey()));
            if (!wrapperBelow) {
                taskOverrides.put(e.getKey(), e.getValue());
            } else if (e.getValue() instanceof Map<?, ?> m) {
                wrapperOverrides.put(e.getKey(), Params.stringKeys(m));
            } else {
                throw stageError(j, stage, e.getKey(), "'" + e.getKey() + "' names a wrapper below, so it takes a table of that wrapper's "
                        + "parameters, got " + e.getValue());
            }
        }
        Env made = null;
        String owner = "";
        try {
            Recipe task = layers.get(0);
            made = task.make(null, Params.overlay(task.params(), taskOverrides));
            for (Recipe w : layers.subList(1, layers.size())) {
                owner = w.id() + ".";
                made = w.make(made, Params.overlay(w.params(), wrapperOverrides.getOrDefault(w.id(), Map.of())));
            }
            return made;
        } catch (ParameterException e) {
            if (made != null) made.close();
            throw stageError(j, stage, owner + e.key(), e.getMessage());
        } catch (RuntimeException e) {
            if (made != null) made.close();
            throw e;
        }
    }

    private static ParameterException stageError(int j, Stage stage, String key, String message) {
        return new ParameterException("stages[" + j + "]." + key, "Curriculum stage " + j + " ('" + stage.name() + "'), key '" + key + "': "
                + message);
    }

    /** The stages of a {@code stages} parameter: a list of tables, each with an optional 'name'. */
    static List<Stage> stagesOf(Object spec) {
        if (!(spec instanceof List<?> list) || list.isEmpty()) {
            throw new ParameterException("stages", "Curriculum: stages must be a non-empty list of tables of parameter overrides, got " + spec);
        }
        List<Stage> out = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            if (!(list.get(j) instanceof Map<?, ?> m)) {
                throw new ParameterException("stages[" + j + "]", "Curriculum: stage " + j + " must be a table of parameter overrides, got "
                        + list.get(j));
            }
            Map<String, Object> overrides = Params.stringKeys(m);
            Object name = overrides.remove("name");
            if (name != null && !(name instanceof String)) {
                throw new ParameterException("stages[" + j + "].name", "Curriculum: stage " + j + "'s name must be a string, got " + name);
            }
            Object trials = overrides.remove("trials");
            if (trials != null && !(trials instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 1
                    && n.longValue() <= Integer.MAX_VALUE)) {
                throw new ParameterException("stages[" + j + "].trials", "Curriculum: stage " + j + "'s trials must be an integer >= 1, got "
                        + trials);
            }
            out.add(new Stage(name == null ? "stage " + j : (String) name, overrides, trials == null ? 0 : ((Number) trials).intValue()));
        }
        return out;
    }

    // ------------------------------------------------------------------ progress

    /** The stage of the current trial. */
    public int stage() {
        return stage;
    }

    /** The stages' names, in order. */
    public List<String> stageNames() {
        return List.copyOf(names);
    }

    /** The mean performance over the current stage's window so far (NaN before its first trial ends). */
    public double windowPerformance() {
        return filled == 0 ? Double.NaN : windowSum / filled;
    }

    @Override
    protected int chooseFirst() {
        trialRunning = false; // the trial cut short by a reset is not judged
        return stage;
    }

    @Override
    protected int chooseNext() {
        return stage;
    }

    /** Judges the trial that just ended (its task's performance) and moves to the next stage when the rule says so. */
    @Override
    protected int startingEnv(int chosen) {
        if (!trialRunning) {
            trialRunning = true;
            return stage;
        }
        TrialBased ended = TrialBased.nearest(env(currentEnv()));
        record(ended.task().endedTrialPerformance());
        endedStage = stage;
        endedWindowMean = windowPerformance();
        if (stage + 1 < envCount() && stageDone()) {
            stage++;
            trialsInStage = 0;
            filled = 0;
            slot = 0;
            windowSum = 0;
        }
        return stage;
    }

    private void record(double performance) {
        trialsInStage++;
        if (filled == window.length) windowSum -= window[slot];
        else filled++;
        window[slot] = performance;
        windowSum += performance;
        slot = (slot + 1) % window.length;
    }

    private boolean stageDone() {
        if (fixedTrials[stage] > 0) return trialsInStage >= fixedTrials[stage];
        if (advance.byTrials()) return trialsInStage >= advance.trials();
        return filled == window.length && trialsInStage >= advance.minTrials() && windowSum / filled > advance.threshold();
    }

    @Override
    protected void onStep(StepResult result) {
        if (!result.newTrial()) return;
        result.info().put("stage", endedStage);
        result.info().put("stage_name", names.get(endedStage));
        result.info().put("stage_performance", endedWindowMean);
    }
}
