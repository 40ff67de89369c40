package org.neurogym.api;

import java.util.Arrays;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;

/**
 * A trial wrapper that changes observations, Gymnasium's ObservationWrapper: it transforms
 * channels, or appends named ones ({@link #addChannel}), in the stepped observations and in the
 * trial matrices alike. The wrapper writes one hook, {@link #observation(float[], int, int)}, for a
 * row of its trial matrix; the extended space, {@code reset}'s observation and the matrices follow.
 *
 * <p>The wrapper keeps its own trial matrix: the inner rows with the appended channels (zeros),
 * then the hook on every row, when a trial is built. A stepped observation gets the same change
 * the matrix row got: an element equal to the inner row's value takes the matrix's, any other (a
 * live value written by an inner wrapper's {@link #onStep}) gets the same difference added. An
 * observation a task wrote itself during its step goes through the hook instead. Values that only
 * exist while stepping (the last reward) are written by {@link #onStep}.
 *
 * <p>A wrapper that recodes the observation instead (e.g. into spikes, each element becoming
 * several) declares its whole space with {@link #replaceSpace} and writes {@link #recode}: each
 * matrix row is recoded from the inner row. A stepped observation equal to the inner matrix row
 * takes the recoded row; any other (a live value written below, or an observation a task wrote
 * during its step) is recoded on its own.
 */
public abstract class ObservationWrapper extends TrialWrapper {
    private final Box innerSpace;
    private final int innerSize;
    private Box space;
    private StepResult out;
    private float[] first;
    private float[] matrix = new float[0];
    private float[] before = new float[0];
    private int rows;
    private Trial builtFor;
    private long builtForSerial; // envs reuse Trial objects: the object and its serial together name a trial
    private boolean recoding;

    protected ObservationWrapper(Env env, Runnable... checks) {
        super(env, prepend(() -> requireFlatBox(env), checks));
        this.innerSpace = (Box) env.observationSpace();
        this.innerSize = innerSpace.size();
        this.space = innerSpace;
    }

    private static Runnable[] prepend(Runnable first, Runnable[] rest) {
        Runnable[] all = new Runnable[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void requireFlatBox(Env env) {
        if (!(env.observationSpace() instanceof Box inner) || inner.shape().length != 1) {
            throw new NeuroGymException("an observation wrapper needs a 1-D Box observation space, but " + env.name()
                    + " has " + env.observationSpace());
        }
        TrialBased below = TrialBased.nearest(env);
        if (below != null && below.observationSpace() instanceof Box b && b.size() != inner.size()) {
            throw new NeuroGymException("a wrapper between an observation wrapper and the trials of " + env.name()
                    + " changes the observation size (" + b.size() + " -> " + inner.size() + ")");
        }
    }

    /**
     * Appends channel {@code name} of {@code size} elements to the observation (unbounded values);
     * call it in the constructor. Returns the index of its first element.
     */
    protected final int addChannel(String name, int size) {
        if (out != null || first != null) throw new IllegalStateException(getClass().getSimpleName() + ": add channels in the constructor");
        if (size < 1) throw new IllegalArgumentException("channel '" + name + "' needs at least one element, got " + size);
        int at = space.size();
        space = space.extend(size, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Channel.range(name, at, at + size));
        return at;
    }

    /** Lifts every bound of the observation space, for a wrapper whose values may leave the task's bounds (noise). */
    protected final void unbound() {
        if (out != null || first != null) throw new IllegalStateException(getClass().getSimpleName() + ": change the space in the constructor");
        Channel[] channels = space.channels().entrySet().stream().map(e -> new Channel(e.getKey(), e.getValue())).toArray(Channel[]::new);
        space = Box.unbounded(space.size(), channels);
    }

    /**
     * Replaces the observation space with {@code recoded}, for a wrapper that writes each row anew
     * with {@link #recode} instead of changing the inner row in place; call it in the constructor.
     */
    protected final void replaceSpace(Box recoded) {
        if (out != null || first != null) throw new IllegalStateException(getClass().getSimpleName() + ": change the space in the constructor");
        if (recoded.shape().length != 1) throw new IllegalArgumentException(getClass().getSimpleName() + ": a replaced space must be a 1-D Box, got " + recoded);
        space = recoded;
        recoding = true;
    }

    /**
     * Writes the recoded observation {@code out[outAt] .. out[outAt + width)} of the inner one
     * {@code in[inAt] .. in[inAt + innerSize())}, for row {@code step} of the trial (or a stepped
     * observation of that step); only called after {@link #replaceSpace}.
     */
    protected void recode(float[] in, int inAt, float[] out, int outAt, int step) {
        throw new IllegalStateException(getClass().getSimpleName() + " replaced its space but does not recode");
    }

    /**
     * Changes row {@code step} of the trial matrix, {@code ob[at] .. ob[at + width)}: the inner
     * row, then zeros in the appended channels. Also called on an observation the task wrote
     * during its step (then {@code at} is 0). By default nothing changes.
     */
    protected void observation(float[] ob, int at, int step) {}

    /** The observation size below this wrapper (where the appended channels start). */
    protected final int innerSize() {
        return innerSize;
    }

    @Override
    public Box observationSpace() {
        return space;
    }

    // ------------------------------------------------------------------ matrix

    @Override
    final void trialBuilt() {
        int width = space.size();
        TrialBased s = source();
        int len = s.trialLength();
        int n = len * width;
        if (matrix.length < n) {
            matrix = new float[Math.max(n, matrix.length * 2)];
            before = new float[matrix.length];
        }
        float[] inner = s.trialObservations();
        if (recoding) {
            for (int t = 0; t < len; t++) recode(inner, t * innerSize, matrix, t * width, t);
            builtFrom(s, len);
            return;
        }
        for (int t = 0; t < len; t++) {
            System.arraycopy(inner, t * innerSize, before, t * width, innerSize);
            Arrays.fill(before, t * width + innerSize, (t + 1) * width, 0f);
        }
        System.arraycopy(before, 0, matrix, 0, n);
        for (int t = 0; t < len; t++) observation(matrix, t * width, t);
        builtFrom(s, len);
    }

    /** Remembers which trial below the matrix holds, and its length. */
    private void builtFrom(TrialBased s, int len) {
        rows = len;
        builtFor = s.trial();
        builtForSerial = builtFor == null ? 0 : builtFor.serial();
    }

    /** Rebuilds the matrix when a trial was started below without passing through this wrapper. */
    private void ensureCurrent() {
        Trial now = source().trial();
        if (now != null && (now != builtFor || now.serial() != builtForSerial)) trialBuilt();
    }

    @Override
    public float[] trialObservations() {
        ensureCurrent();
        return matrix;
    }

    // ------------------------------------------------------------------ stepping

    @Override
    final float[] resetObservation(float[] inner) {
        if (first == null) first = new float[space.size()];
        if (recoding) recodeStepped(inner, 0, first, false);
        else extend(inner, 0, first);
        return first;
    }

    @Override
    final StepResult stepped(StepResult inner) {
        return super.stepped(observe(inner, inner.observation(), 0));
    }

    /**
     * The result of a step from the inner one, with the inner observation read from
     * {@code observation} at {@code offset} (for a wrapper whose trials come from several envs: the
     * first row of another env's trial); then the reward and step hooks run.
     */
    protected final StepResult stepped(StepResult inner, float[] observation, int offset) {
        return super.stepped(observe(inner, observation, offset));
    }

    private StepResult observe(StepResult inner, float[] observation, int offset) {
        if (out == null) out = new StepResult(space.size(), inner.groundTruthVector() == null ? 0 : inner.groundTruthVector().length);
        out.copyFrom(inner);
        if (recoding) {
            recodeStepped(observation, offset, out.observation(), inner.observationProvided());
        } else if (inner.observationProvided()) {
            Arrays.fill(out.observation(), innerSize, space.size(), 0f);
            observation(out.observation(), 0, source().stepIndex());
        } else {
            extend(observation, offset, out.observation());
        }
        return out;
    }

    /**
     * Writes the stepped inner observation {@code from} recoded to {@code to}: the matrix row when it
     * equals the inner matrix row, else recoded on its own.
     */
    private void recodeStepped(float[] from, int offset, float[] to, boolean providedByTask) {
        ensureCurrent();
        int step = source().stepIndex();
        int width = space.size();
        if (!providedByTask && step >= 0 && step < rows && sameAsInnerRow(from, offset, step)) {
            System.arraycopy(matrix, step * width, to, 0, width);
        } else {
            recode(from, offset, to, 0, Math.max(step, 0));
        }
    }

    private boolean sameAsInnerRow(float[] from, int offset, int step) {
        float[] inner = source().trialObservations();
        int row = step * innerSize;
        if (inner.length < row + innerSize) return false;
        for (int c = 0; c < innerSize; c++) if (Float.compare(from[offset + c], inner[row + c]) != 0) return false;
        return true;
    }

    /** Writes the inner observation {@code from}, extended and changed as the matrix row of the current step, to {@code to}. */
    private void extend(float[] from, int offset, float[] to) {
        ensureCurrent();
        int width = space.size();
        System.arraycopy(from, offset, to, 0, innerSize);
        Arrays.fill(to, innerSize, width, 0f);
        int step = source().stepIndex();
        if (step < 0 || step >= rows) return;
        int row = step * width;
        for (int c = 0; c < width; c++) {
            float was = before[row + c];
            float now = matrix[row + c];
            if (Float.compare(was, now) != 0) to[c] = to[c] == was ? now : to[c] + (now - was);
        }
    }
}
