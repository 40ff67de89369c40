package org.neurogym.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Objects;
import org.neurogym.api.Env;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Discrete;

/**
 * One env stepped for a caller in another runtime (Python through JPype) that reads the results
 * in place, in direct (off-heap, native-order) memory, instead of fetching each field with its own
 * call: one call per step. After {@link #step(int)} the observation buffer holds the next
 * observation, the scalar buffer {@code [reward, performance, ground truth]} (doubles), and the
 * returned flags say what else to fetch ({@link #trial()} and {@link #info()} only when set).
 * The buffers are refilled by every step and reset. A pixel task's observation (a uint8 image)
 * is shared as bytes, one per value, copied from {@link StepResult#observationBytes()}.
 */
public final class EnvBuffers implements AutoCloseable {
    /** Flag: the step ended a trial (performance and {@link #trial()} are set). */
    public static final int NEW_TRIAL = 1;
    /** Flag: Gymnasium's terminated. */
    public static final int TERMINATED = 2;
    /** Flag: Gymnasium's truncated. */
    public static final int TRUNCATED = 4;
    /** Flag: the step had a ground truth (in the scalars, or in {@link #groundTruthVector()} for Box actions). */
    public static final int HAS_GROUND_TRUTH = 8;
    /** Flag: the step left extra info entries ({@link #info()}). */
    public static final int HAS_INFO = 16;

    /** Index of the reward in {@link #scalars()}. */
    public static final int REWARD = 0;
    /** Index of the performance of the trial that ended. */
    public static final int PERFORMANCE = 1;
    /** Index of the ground-truth action (discrete action spaces). */
    public static final int GROUND_TRUTH = 2;

    private final Env env;
    private final int obSize;
    private final int actSize;
    private final boolean bytes;
    private final FloatBuffer observation; // null for uint8 observations
    private final ByteBuffer observationBuffer;
    private final ByteBuffer scalarBuffer;
    private final DoubleBuffer scalars;
    private final ByteBuffer actionBuffer;
    private final FloatBuffer action;
    private final ByteBuffer gtBuffer;
    private final FloatBuffer gtVector;
    private final float[] actionArray;
    private StepResult last;

    public EnvBuffers(Env env) {
        this.env = Objects.requireNonNull(env, "env");
        if (!(env.observationSpace() instanceof Box box) || (box.shape().length != 1 && !box.isImage())) {
            throw new IllegalArgumentException(env.name() + ": only 1-D Box and uint8 image observation spaces can be shared, got "
                    + env.observationSpace());
        }
        this.obSize = box.size();
        this.bytes = box.isImage();
        this.actSize = env.actionSpace() instanceof Discrete ? 0 : ((Box) env.actionSpace()).size();
        this.observationBuffer = direct(obSize * (bytes ? 1 : 4));
        this.observation = bytes ? null : observationBuffer.asFloatBuffer();
        this.scalarBuffer = direct(3 * 8);
        this.scalars = scalarBuffer.asDoubleBuffer();
        this.actionBuffer = direct(Math.max(actSize, 1) * 4);
        this.action = actionBuffer.asFloatBuffer();
        this.gtBuffer = direct(Math.max(actSize, 1) * 4);
        this.gtVector = gtBuffer.asFloatBuffer();
        this.actionArray = new float[actSize];
    }

    static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(Math.max(bytes, 1)).order(ByteOrder.nativeOrder());
    }

    public Env env() {
        return env;
    }

    /** float32 (uint8 for pixel tasks) {@code [observationSize]}: the observation after the last step or reset. */
    public ByteBuffer observation() {
        return observationBuffer;
    }

    /** float64 {@code [reward, performance, ground truth]} of the last step. */
    public ByteBuffer scalars() {
        return scalarBuffer;
    }

    /** float32 {@code [actionSize]}: where a caller writes a Box action before {@link #stepBox()}. */
    public ByteBuffer action() {
        return actionBuffer;
    }

    /** float32 {@code [actionSize]}: the last step's ground truth of a Box action space. */
    public ByteBuffer groundTruthVector() {
        return gtBuffer;
    }

    /** Reseeds and resets the env; the first observation is in {@link #observation()}. */
    public void reset(long seed) {
        putObservation(env.reset(seed));
        last = null;
    }

    /** Resets without reseeding. */
    public void reset() {
        putObservation(env.reset());
        last = null;
    }

    /** A reset's observation: floats as they are, or a pixel task's values (whole numbers 0-255) narrowed back to bytes. */
    private void putObservation(float[] values) {
        if (bytes) putNarrowed(observationBuffer, values, obSize);
        else observation.put(0, values, 0, obSize);
    }

    /** Writes {@code n} uint8 values held as floats into {@code out} as bytes. */
    static void putNarrowed(ByteBuffer out, float[] values, int n) {
        for (int i = 0; i < n; i++) out.put(i, (byte) (int) values[i]);
    }

    /** Takes a discrete action; returns the flags of the step. */
    public int step(int actionIndex) {
        return publish(env.step(actionIndex));
    }

    /** Takes the Box action written into {@link #action()}; returns the flags of the step. */
    public int stepBox() {
        action.get(0, actionArray, 0, actSize);
        return publish(env.step(actionArray));
    }

    private int publish(StepResult r) {
        last = r;
        if (bytes) observationBuffer.put(0, r.observationBytes(), 0, obSize);
        else observation.put(0, r.observation(), 0, obSize);
        scalars.put(REWARD, r.reward());
        scalars.put(PERFORMANCE, r.performance());
        scalars.put(GROUND_TRUTH, r.groundTruth());
        if (actSize > 0 && r.hasGroundTruth() && r.groundTruthVector() != null) gtVector.put(0, r.groundTruthVector(), 0, actSize);
        int flags = 0;
        if (r.newTrial()) flags |= NEW_TRIAL;
        if (r.terminated()) flags |= TERMINATED;
        if (r.truncated()) flags |= TRUNCATED;
        if (r.hasGroundTruth()) flags |= HAS_GROUND_TRUTH;
        if (!r.infoIfAny().isEmpty()) flags |= HAS_INFO;
        return flags;
    }

    /** The facts of the trial that starts after the last step, when it ended a trial; else null. */
    public Trial trial() {
        return last == null ? null : last.trial();
    }

    /** The last step's extra info entries (empty when none). */
    public Map<String, Object> info() {
        return last == null ? Map.of() : last.infoIfAny();
    }

    @Override
    public void close() {
        env.close();
    }
}
