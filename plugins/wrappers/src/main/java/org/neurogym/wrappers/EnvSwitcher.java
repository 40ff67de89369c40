package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.ObservationWrapper;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.space.Space;
import org.neurogym.api.spi.EnvMaker;

/**
 * The base of the wrappers that run trials from several envs: the wrapped env (index 0) and
 * others. Each trial comes whole from one env; the env of the next trial is chosen when a trial
 * starts ({@link #chooseNext()}). With {@code env_input} the observation gains one element per
 * env (channel {@code env}), 1 for the env of the current trial.
 *
 * <p>The switcher is the top of every env's task, and hands a new top (a trial wrapper placed over
 * it) down to all of them: whichever env's trial ends, the next trial is made by the outermost trial
 * wrapper, whose {@code newTrial} reaches this switcher's, which starts it in the env the schedule
 * picks. A step that ends a trial of one env and starts one of another returns the new trial's first
 * observation, read from the new env's trial matrix.
 *
 * <p>The envs must share the observation size, the action space size and dt. On reset every env is
 * reset (env 0 with the seed, env {@code j} with {@code Rng.derive(seed, j)}), the env of the
 * first trial last; the others build their placeholder first trials on their own, without the
 * wrappers above (a trial is always made afresh when the schedule picks an env).
 */
abstract class EnvSwitcher extends ObservationWrapper {
    static final ParamSpec ENVS = ParamSpec.required("envs", ParamType.ANY,
            "Further tasks: a list of task ids, or of tables with 'name' and the task's parameters.");
    static final ParamSpec ENV_INPUT = ParamSpec.bool("env_input", false, "Add one observation element per env, 1 for the env of the current trial.");

    private final String id;
    private final Env[] steppers;
    private final TrialBased[] trials;
    private final int envChannel;
    private int current;
    private int next;
    private int first;
    /** The trial-based env that makes every env's trials: this switcher, or the trial wrapper over it. */
    private TrialBased top = this;

    protected EnvSwitcher(String id, Env env, List<? extends Env> others, boolean envInput) {
        super(env, () -> {
            others.forEach(other -> requireCompatible(id, env, other));
            if (envInput && hasEnvChannel(env)) {
                throw new NeuroGymException(id + ": env_input would add channel 'env', which " + env.name()
                        + " has already (a schedule of envs inside); leave env_input off here");
            }
        });
        this.id = id;
        int n = 1 + others.size();
        steppers = new Env[n];
        trials = new TrialBased[n];
        steppers[0] = env;
        trials[0] = trialEnv;
        for (int j = 1; j < n; j++) {
            steppers[j] = others.get(j - 1);
            trials[j] = TrialBased.nearest(steppers[j]);
            trials[j].setTop(this);
        }
        envChannel = envInput ? addChannel("env", n) : -1;
    }

    private static void requireCompatible(String id, Env first, Env other) {
        if (TrialBased.nearest(other) == null) throw new NeuroGymException(id + " needs trial-based envs, but " + other.name() + " is not one");
        int a = ((Box) first.observationSpace()).size();
        int b = ((Box) other.observationSpace()).size();
        if (a != b) {
            throw new NeuroGymException(id + ": " + other.name() + " has observations of size " + b + " but " + first.name()
                    + " has " + a + "; the envs must share the observation size");
        }
        if (actionCount(first.actionSpace()) != actionCount(other.actionSpace())
                || first.actionSpace().getClass() != other.actionSpace().getClass()) {
            throw new NeuroGymException(id + ": " + other.name() + " has actions " + other.actionSpace() + " but " + first.name()
                    + " has " + first.actionSpace() + "; the envs must share the action space");
        }
        if (first.dt() != other.dt()) {
            throw new NeuroGymException(id + ": " + other.name() + " has dt " + other.dt() + " but " + first.name() + " has "
                    + first.dt() + "; the envs must share dt");
        }
    }

    static boolean hasEnvChannel(Env env) {
        return ((Box) env.observationSpace()).channels().containsKey("env");
    }

    private static int actionCount(Space s) {
        return s instanceof Discrete d ? d.n() : ((Box) s).size();
    }

    /** Makes the envs named by an {@code envs} parameter: task ids, or tables with {@code name} and the task's parameters. */
    static List<Env> makeEnvs(String owner, Object spec, EnvMaker maker) {
        List<?> list = spec instanceof String[] a ? List.of(a) : spec instanceof List<?> l ? l : null;
        if (list == null) throw new ParameterException("envs", owner + ": envs must be a list of task ids, got " + spec);
        List<Env> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String name) {
                out.add(maker.make(name, Map.of()));
            } else if (item instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                Map<String, Object> params = new LinkedHashMap<>();
                m.forEach((k, v) -> params.put(String.valueOf(k), v));
                params.remove("name");
                out.add(maker.make(name, params));
            } else {
                throw new ParameterException("envs[" + i + "]", owner + ": envs[" + i
                        + "] must be a task id or a table with a 'name' and the task's parameters, got " + item);
            }
        }
        return out;
    }

    /** The number of envs. */
    public final int envCount() {
        return steppers.length;
    }

    /** The env at {@code index} (0 is the wrapped env). */
    public final Env env(int index) {
        return steppers[index];
    }

    /** The index of the env of the current trial. */
    public final int currentEnv() {
        return current;
    }

    /** Picks the env of the trial after the one just started. */
    protected abstract int chooseNext();

    /** Picks the env of the first trial of an episode; called at reset (after the wrapper's stream is reseeded). */
    protected abstract int chooseFirst();

    /**
     * The env of the trial about to start, given the one {@code chosen} when the previous trial
     * started; {@link #currentEnv()} is still the env of the trial that just ended. A switcher that
     * decides from how that trial went (a curriculum) overrides it.
     */
    protected int startingEnv(int chosen) {
        return chosen;
    }

    /** Sets the env of the next trial. */
    protected final void setNext(int index) {
        if (index < 0 || index >= steppers.length) {
            throw new IllegalArgumentException(id + " has envs 0.." + (steppers.length - 1) + ", not " + index);
        }
        next = index;
    }

    @Override
    protected final TrialBased source() {
        return trials == null ? trialEnv : trials[current];
    }

    /** Every task of every env. */
    @Override
    public final List<TrialEnv> tasks() {
        List<TrialEnv> all = new ArrayList<>();
        for (TrialBased t : trials) all.addAll(t.tasks());
        return all;
    }

    /** Hands the new top down to every env, so that all their trials are made by it. */
    @Override
    public final void setTop(TrialBased top) {
        this.top = top;
        for (TrialBased t : trials) t.setTop(top);
    }

    @Override
    public final Trial newTrial(Map<String, ?> kwargs) {
        current = startingEnv(next);
        Trial t = super.newTrial(kwargs);
        next = chooseNext();
        return t;
    }

    @Override
    protected final void observation(float[] ob, int at, int step) {
        if (envChannel >= 0) ob[at + envChannel + current] = 1f;
    }

    @Override
    protected final void onReset() {
        first = chooseFirst();
    }

    @Override
    protected final float[] resetInner(long seed) {
        return resetAll(seed);
    }

    @Override
    protected final float[] resetInner() {
        return resetAll(null);
    }

    private float[] resetAll(Long seed) {
        for (int j = 0; j < steppers.length; j++) {
            if (j == first) continue;
            // a placeholder trial, never stepped: made by the env itself, so that the wrappers above
            // (block counters, schedules of facts) do not count it
            trials[j].setTop(trials[j]);
            try {
                resetOne(j, seed);
            } finally {
                trials[j].setTop(top);
            }
        }
        next = first;
        return resetOne(first, seed);
    }

    private float[] resetOne(int j, Long seed) {
        if (seed == null) return steppers[j].reset();
        return steppers[j].reset(j == 0 ? seed : Rng.derive(seed, j));
    }

    @Override
    public final StepResult step(int action) {
        int before = current;
        return switched(steppers[before].step(action(action)), before);
    }

    @Override
    public final StepResult step(float[] action) {
        int before = current;
        return switched(steppers[before].step(action(action)), before);
    }

    /** A trial that ended may be followed by another env's: its first observation comes from that env's trial matrix. */
    private StepResult switched(StepResult inner, int before) {
        if (!inner.newTrial() || current == before) return stepped(inner, inner.observation(), 0);
        TrialBased s = trials[current];
        return stepped(inner, s.trialObservations(), s.stepIndex() * innerSize());
    }

    @Override
    public final void close() {
        for (Env e : steppers) e.close();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<" + id);
        for (Env e : steppers) sb.append(' ').append(e);
        return sb.append('>').toString();
    }
}
