package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.Rng;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.Wrapper;
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
abstract class EnvSwitcher extends ExtendedTrials {
    private final String id;
    private final Env[] steppers;
    private final TrialBased[] trials;
    private int current;
    private int next;
    /** The trial-based env that makes every env's trials: this switcher, or the trial wrapper over it. */
    private TrialBased top = this;

    protected EnvSwitcher(String id, Env env, List<? extends Env> others, boolean envInput) {
        super(id, compatible(id, env, others), envInput ? 1 + others.size() : 0, "env");
        this.id = id;
        int n = 1 + others.size();
        steppers = new Env[n];
        trials = new TrialBased[n];
        steppers[0] = env;
        trials[0] = trialEnv;
        for (int j = 1; j < n; j++) {
            Env other = others.get(j - 1);
            steppers[j] = other;
            trials[j] = Guards.below(other);
            trials[j].setTop(this);
        }
    }

    private static Env compatible(String id, Env env, List<? extends Env> others) {
        for (Env other : others) requireCompatible(id, env, other);
        return env;
    }

    private static void requireCompatible(String id, Env first, Env other) {
        Env e = other;
        while (!(e instanceof TrialBased) && e instanceof Wrapper w) e = w.inner();
        if (!(e instanceof TrialBased)) {
            throw new NeuroGymException(id + " needs trial-based envs, but " + other.name() + " is not one");
        }
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

    private static int actionCount(Space s) {
        return s instanceof Discrete d ? d.n() : ((Box) s).size();
    }

    /** Makes the envs named by an {@code envs} parameter: task ids, or tables with {@code name} and the task's parameters. */
    static List<Env> makeEnvs(String owner, Object spec, EnvMaker maker) {
        List<?> list;
        if (spec instanceof List<?> l) list = l;
        else if (spec instanceof String[] a) list = List.of(a);
        else throw new ParameterException("envs", owner + ": envs must be a list of task ids, got " + spec);
        List<Env> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String name) {
                out.add(maker.make(name, Map.of()));
            } else if (item instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                Map<String, Object> params = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (!"name".equals(k)) params.put(String.valueOf(k), v);
                });
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

    /** Picks the env of the first trial of an episode; called at reset, before the envs are reset. */
    protected abstract int chooseFirst(Long seed);

    /** Sets the env of the next trial. */
    protected final void setNext(int index) {
        if (index < 0 || index >= steppers.length) {
            throw new IllegalArgumentException(id + " has envs 0.." + (steppers.length - 1) + ", not " + index);
        }
        next = index;
    }

    @Override
    protected final TrialBased source() {
        return trials[current];
    }

    /** The task of the current trial's env. */
    @Override
    public final TrialEnv task() {
        return trials == null ? trialEnv.task() : trials[current].task();
    }

    /** Hands the new top down to every env, so that all their trials are made by it. */
    @Override
    public final void setTop(TrialBased top) {
        this.top = top;
        for (TrialBased t : trials) t.setTop(top);
    }

    @Override
    public final Trial newTrial(Map<String, ?> kwargs) {
        current = next;
        Trial t = trials[current].newTrial(kwargs);
        rebuild();
        next = chooseNext();
        return t;
    }

    @Override
    protected final void fillTrialExtra(float[] m, int rows) {
        for (int t = 0; t < rows; t++) m[t * width + innerSize + current] = 1f;
    }

    @Override
    protected final void fillResetExtra(float[] obs) {
        if (extra > 0) obs[innerSize + current] = 1f;
    }

    @Override
    public final float[] reset(long seed) {
        return start(seed);
    }

    @Override
    public final float[] reset() {
        return start(null);
    }

    private float[] start(Long seed) {
        int first = chooseFirst(seed);
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
        return finishReset(resetOne(first, seed));
    }

    private float[] resetOne(int j, Long seed) {
        if (seed == null) return steppers[j].reset();
        return steppers[j].reset(j == 0 ? seed : Rng.derive(seed, j));
    }

    @Override
    public final StepResult step(int action) {
        int before = current;
        return afterStep(steppers[before].step(action), before);
    }

    @Override
    public final StepResult step(float[] action) {
        int before = current;
        return afterStep(steppers[before].step(action), before);
    }

    private StepResult afterStep(StepResult inner, int before) {
        // A trial that ended may have been followed by a trial of another env: its first observation
        // comes from that env's trial matrix, not from the env that just stepped.
        StepResult r = inner.newTrial() && current != before ? beginFromMatrix(inner) : begin(inner);
        if (extra > 0) {
            for (int k = 0; k < extra; k++) r.observation()[innerSize + k] = k == current ? 1f : 0f;
        }
        return finish();
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
