package org.neurogym.wrappers;

import java.util.Arrays;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialBased;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;

/**
 * The base of the wrappers that append observation elements (previous reward, previous action,
 * env identity). Besides extending each step's observation, it keeps its own trial matrix, the
 * inner trial's rows with the extra elements appended, built in {@link #newTrial}, so that a
 * dataset reading {@link #trialObservations()} sees the declared observation size.
 *
 * <p>Trial wrappers further out may change that matrix in their {@code newTrial} (noise, for
 * instance). Stepping reflects their changes: an element of the step observation equal to the
 * matrix value as this wrapper built it takes the matrix's current value; any other value (a live
 * reward or action that differs from the matrix's) gets the same change added.
 */
abstract class ExtendedTrials extends TrialWrapper {
    /** Observation size below this wrapper. */
    protected final int innerSize;
    /** Number of appended elements. */
    protected final int extra;
    /** Observation size of this wrapper. */
    protected final int width;
    private final Box space;
    private final StepResult out;
    private final float[] first;
    private float[] matrix = new float[0];
    private float[] built = new float[0];
    private int rows;
    private Trial builtFor;
    private long builtForSerial; // envs reuse Trial objects: the object and its serial together name a trial

    protected ExtendedTrials(String id, Env env, int extra, String channel) {
        super(Guards.checked(id, env, () -> check(id, env)));
        Box inner = (Box) env.observationSpace();
        this.innerSize = inner.size();
        this.extra = extra;
        this.width = innerSize + extra;
        this.space = extra == 0 ? inner
                : inner.extend(extra, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Channel.range(channel, innerSize, width));
        this.out = new StepResult(width, Results.actionSize(env.actionSpace()));
        this.first = new float[width];
    }

    private static void check(String id, Env env) {
        if (!(env.observationSpace() instanceof Box inner) || inner.shape().length != 1) {
            throw new NeuroGymException(id + " needs a 1-D Box observation space, but " + env.name() + " has " + env.observationSpace());
        }
        if (Guards.below(env).observationSpace() instanceof Box below && below.size() != inner.size()) {
            throw new NeuroGymException(id + ": a wrapper between it and the trials of "
                    + env.name() + " changes the observation size (" + below.size() + " -> " + inner.size() + ")");
        }
    }

    @Override
    public Box observationSpace() {
        return space;
    }

    /** The trial-based env whose trials this wrapper extends (for env schedules, the current env). */
    protected TrialBased source() {
        return trialEnv;
    }

    /**
     * Writes the appended elements of every row of a freshly built trial matrix: row {@code t}
     * starts at {@code t * width}, the appended elements at {@code t * width + innerSize}.
     */
    protected abstract void fillTrialExtra(float[] m, int rows);

    /** Writes the appended elements of the first observation of an episode (zeros by default). */
    protected void fillResetExtra(float[] obs) {}

    @Override
    public Trial newTrial(Map<String, ?> kwargs) {
        Trial t = source().newTrial(kwargs);
        rebuild();
        return t;
    }

    /** Builds this wrapper's matrix from the source's current trial. */
    protected final void rebuild() {
        if (extra == 0) return;
        TrialBased s = source();
        int len = s.trialLength();
        int n = len * width;
        if (matrix.length < n) {
            matrix = new float[Math.max(n, matrix.length * 2)];
            built = new float[matrix.length];
        }
        float[] inner = s.trialObservations();
        for (int t = 0; t < len; t++) {
            System.arraycopy(inner, t * innerSize, matrix, t * width, innerSize);
            Arrays.fill(matrix, t * width + innerSize, (t + 1) * width, 0f);
        }
        fillTrialExtra(matrix, len);
        System.arraycopy(matrix, 0, built, 0, n);
        rows = len;
        builtFor = s.trial();
        builtForSerial = builtFor == null ? 0 : builtFor.serial();
    }

    /** Called before rebuilding for a trial that did not pass through {@link #newTrial}. */
    protected void beforeUnseenTrial() {}

    /**
     * Rebuilds the matrix if the source started a trial without asking this wrapper (a trial built
     * directly below it, e.g. by a wrapper probing the task when it is placed).
     */
    private void ensureCurrent() {
        if (extra == 0) return;
        Trial now = source().trial();
        if (now != null && (now != builtFor || now.serial() != builtForSerial)) {
            beforeUnseenTrial();
            rebuild();
        }
    }

    /** Starts a step's result from the inner one (its observation fills the first elements). */
    protected final StepResult begin(StepResult inner) {
        out.copyFrom(inner);
        return out;
    }

    /**
     * Starts a step's result from the inner one, but takes the observation from the source's trial
     * matrix at its current step (after the inner env changed trials under it).
     */
    protected final StepResult beginFromMatrix(StepResult inner) {
        Results.copyWithoutObservation(inner, out);
        TrialBased s = source();
        System.arraycopy(s.trialObservations(), s.stepIndex() * innerSize, out.observation(), 0, innerSize);
        return out;
    }

    /** Ends a step: applies changes made to this wrapper's matrix by trial wrappers further out. */
    protected final StepResult finish() {
        ensureCurrent();
        if (extra > 0 && !out.observationProvided()) applyOuterChanges(out.observation(), source().stepIndex());
        return out;
    }

    /** The first observation of an episode, from the inner env's. */
    protected final float[] finishReset(float[] innerObservation) {
        System.arraycopy(innerObservation, 0, first, 0, innerSize);
        Arrays.fill(first, innerSize, width, 0f);
        fillResetExtra(first);
        ensureCurrent();
        if (extra > 0) applyOuterChanges(first, source().stepIndex());
        return first;
    }

    private void applyOuterChanges(float[] obs, int step) {
        if (step < 0 || step >= rows) return;
        int base = step * width;
        for (int c = 0; c < width; c++) {
            float now = matrix[base + c];
            float then = built[base + c];
            if (Float.compare(now, then) != 0) obs[c] = obs[c] == then ? now : obs[c] + (now - then);
        }
    }

    @Override
    public float[] reset(long seed) {
        return finishReset(env.reset(seed));
    }

    @Override
    public float[] reset() {
        return finishReset(env.reset());
    }

    @Override
    public float[] trialObservations() {
        ensureCurrent();
        return extra > 0 ? matrix : source().trialObservations();
    }

    @Override
    public Trial trial() {
        return source().trial();
    }

    @Override
    public int stepIndex() {
        return source().stepIndex();
    }

    @Override
    public int trialLength() {
        return source().trialLength();
    }

    @Override
    public int[] trialGroundTruth() {
        return source().trialGroundTruth();
    }

    @Override
    public float[] trialGroundTruthVector() {
        return source().trialGroundTruthVector();
    }

    @Override
    public boolean hasGroundTruth() {
        return source().hasGroundTruth();
    }
}
