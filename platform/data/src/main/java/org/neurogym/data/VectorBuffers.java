package org.neurogym.data;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Objects;
import org.neurogym.api.space.Box;

/**
 * A {@link VectorEnv} whose actions and results live in direct (off-heap, native-order) memory, for
 * a caller in another runtime (Python through JPype) that views them in place: it writes the actions,
 * makes one call, {@link #step()}, and reads every result where it is. A step copies the vector env's
 * results into these buffers in bulk (a few {@code memcpy}s of {@code copies} elements) and allocates
 * nothing. Refilled by every step and reset.
 *
 * <p>Layouts: actions int32 {@code [copies]} (discrete) or float32 {@code [copies * actionSize]};
 * observations and final observations float32 {@code [copies * observationSize]}; rewards and
 * performance float64 {@code [copies]}; flags one byte per copy ({@code newTrials}, {@code terminated},
 * {@code truncated}, {@code resets}, {@code hasGroundTruth}); ground truth int32 {@code [copies]}
 * or float32 {@code [copies * actionSize]}.
 */
public final class VectorBuffers implements AutoCloseable {
    private final VectorEnv vector;
    private final int n;
    private final int obSize;
    private final boolean bytes; // uint8 observations (pixel tasks)
    private final int actSize;
    private final ByteBuffer actions;
    private final IntBuffer discreteActions;
    private final FloatBuffer continuousActions;
    private final int[] discreteScratch;
    private final float[] continuousScratch;
    private final ByteBuffer observations;
    private final ByteBuffer finalObservations;
    private final ByteBuffer rewards;
    private final ByteBuffer performance;
    private final ByteBuffer groundTruth;
    private final ByteBuffer newTrials;
    private final ByteBuffer terminated;
    private final ByteBuffer truncated;
    private final ByteBuffer resets;
    private final ByteBuffer hasGroundTruth;
    private final FloatBuffer observationsView;
    private final FloatBuffer finalObservationsView;
    private final DoubleBuffer rewardsView;
    private final DoubleBuffer performanceView;
    private final IntBuffer groundTruthView;
    private final FloatBuffer groundTruthVectorsView;

    public VectorBuffers(VectorEnv vector) {
        this.vector = Objects.requireNonNull(vector, "vector");
        this.n = vector.size();
        this.obSize = vector.observationSize();
        this.actSize = vector.actionSize();
        this.actions = EnvBuffers.direct(n * Math.max(actSize, 1) * 4);
        this.discreteActions = actSize == 0 ? actions.asIntBuffer() : null;
        this.continuousActions = actSize == 0 ? null : actions.asFloatBuffer();
        this.discreteScratch = actSize == 0 ? new int[n] : null;
        this.continuousScratch = actSize == 0 ? null : new float[n * actSize];
        this.bytes = vector.observationSpace() instanceof Box box && box.isImage();
        this.observations = EnvBuffers.direct(n * obSize * (bytes ? 1 : 4));
        this.finalObservations = EnvBuffers.direct(n * obSize * (bytes ? 1 : 4));
        this.rewards = EnvBuffers.direct(n * 8);
        this.performance = EnvBuffers.direct(n * 8);
        this.groundTruth = EnvBuffers.direct(n * Math.max(actSize, 1) * 4);
        this.newTrials = EnvBuffers.direct(n);
        this.terminated = EnvBuffers.direct(n);
        this.truncated = EnvBuffers.direct(n);
        this.resets = EnvBuffers.direct(n);
        this.hasGroundTruth = EnvBuffers.direct(n);
        this.observationsView = bytes ? null : observations.asFloatBuffer();
        this.finalObservationsView = bytes ? null : finalObservations.asFloatBuffer();
        this.rewardsView = rewards.asDoubleBuffer();
        this.performanceView = performance.asDoubleBuffer();
        this.groundTruthView = actSize == 0 ? groundTruth.asIntBuffer() : null;
        this.groundTruthVectorsView = actSize == 0 ? null : groundTruth.asFloatBuffer();
    }

    public VectorEnv vector() {
        return vector;
    }

    /** Resets every copy ({@code Rng.derive(seed, i)} for copy i); observations are in {@link #observations()}. */
    public void reset(long seed) {
        vector.reset(seed);
        publish();
    }

    /** Steps every copy with the actions written into {@link #actions()}; returns how many copies were reset. */
    public int step() {
        if (actSize == 0) {
            discreteActions.get(0, discreteScratch, 0, n);
            vector.step(discreteScratch);
        } else {
            continuousActions.get(0, continuousScratch, 0, n * actSize);
            vector.step(continuousScratch);
        }
        return publish();
    }

    private int publish() {
        putObservations(observations, observationsView, vector.observations());
        rewardsView.put(0, vector.rewards(), 0, n);
        performanceView.put(0, vector.performance(), 0, n);
        if (actSize == 0) groundTruthView.put(0, vector.groundTruth(), 0, n);
        else groundTruthVectorsView.put(0, vector.groundTruthVectors(), 0, n * actSize);
        flags(newTrials, vector.newTrials());
        flags(terminated, vector.terminated());
        flags(truncated, vector.truncated());
        flags(hasGroundTruth, vector.hasGroundTruth());
        int reset = flags(resets, vector.resets());
        if (reset > 0) putObservations(finalObservations, finalObservationsView, vector.finalObservations());
        return reset;
    }

    /** Pixel tasks' observations go out as uint8, as their space says (the vector holds them as floats). */
    private void putObservations(ByteBuffer out, FloatBuffer view, float[] values) {
        if (bytes) EnvBuffers.putNarrowed(out, values, n * obSize);
        else view.put(0, values, 0, n * obSize);
    }

    private int flags(ByteBuffer out, boolean[] in) {
        int set = 0;
        for (int i = 0; i < n; i++) {
            out.put(i, in[i] ? (byte) 1 : (byte) 0);
            if (in[i]) set++;
        }
        return set;
    }

    public ByteBuffer actions() {
        return actions;
    }

    public ByteBuffer observations() {
        return observations;
    }

    public ByteBuffer finalObservations() {
        return finalObservations;
    }

    public ByteBuffer rewards() {
        return rewards;
    }

    public ByteBuffer performance() {
        return performance;
    }

    public ByteBuffer groundTruth() {
        return groundTruth;
    }

    public ByteBuffer newTrials() {
        return newTrials;
    }

    public ByteBuffer terminated() {
        return terminated;
    }

    public ByteBuffer truncated() {
        return truncated;
    }

    public ByteBuffer resets() {
        return resets;
    }

    public ByteBuffer hasGroundTruth() {
        return hasGroundTruth;
    }

    @Override
    public void close() {
        vector.close();
    }
}
