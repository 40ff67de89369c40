package org.neurogym.tasks.visual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.space.Box;
import org.neurogym.api.spi.TaskDescriptor;

class VisualTasksTest {

    private static TrialEnv make(TaskDescriptor d, Map<String, ?> params) {
        return (TrialEnv) d.create(params);
    }

    /** Every frame of {@code trials} trials after a reset with {@code seed}. */
    private static byte[] frames(TaskDescriptor d, long seed, int trials) {
        TrialEnv env = make(d, Map.of());
        env.reset(seed);
        int size = env.observationSize();
        byte[] all = new byte[0];
        for (int i = 0; i < trials; i++) {
            if (i > 0) env.newTrial(Map.of());
            int n = env.trialLength() * size;
            byte[] more = Arrays.copyOf(all, all.length + n);
            System.arraycopy(env.trialFrames(), 0, more, all.length, n);
            all = more;
        }
        return all;
    }

    @Test
    void observationsAreUint8ImagesOfTheWindowSize() {
        for (TaskDescriptor d : new VisualTasks().tasks()) {
            TrialEnv env = make(d, Map.of("size", new int[] {64, 48}));
            Box box = env.observationSpace();
            assertEquals(Box.DType.UINT8, box.dtype(), d.id());
            assertArrayEquals(new int[] {48, 64, 3}, box.shape(), d.id());
            env.reset(3);
            assertNotNull(env.trialFrames());
            assertEquals(env.trialLength() * 48 * 64 * 3 <= env.trialFrames().length, true);
        }
    }

    @Test
    void oneSeedGivesByteIdenticalFramesAndAnotherSeedOtherFrames() {
        for (TaskDescriptor d : new VisualTasks().tasks()) {
            byte[] a = frames(d, 11, 3);
            byte[] b = frames(d, 11, 3);
            assertArrayEquals(a, b, d.id());
            assertFalse(Arrays.equals(a, frames(d, 12, 3)), d.id());
        }
    }

    @Test
    void steppingShowsTheFramesDrawnWhenTheTrialWasBuilt() {
        TrialEnv env = make(RandomDotMotion.DESCRIPTOR, Map.of());
        env.reset(5);
        byte[] frames = env.trialFrames().clone();
        int size = env.observationSize();
        int len = env.trialLength();
        for (int t = 1; t < len; t++) {
            StepResult r = env.step(0);
            assertArrayEquals(Arrays.copyOfRange(frames, t * size, (t + 1) * size), r.observationBytes(), "step " + t);
            assertEquals(r.observationBytes()[7] & 0xFF, r.observation()[7], "the float view widens the bytes");
        }
    }

    @Test
    void fixationAndDecisionShowTheGreyWindowAndTheStimulusShowsWhiteDots() {
        TrialEnv env = make(RandomDotMotion.DESCRIPTOR, Map.of());
        env.reset(1);
        byte[] f = env.trialFrames();
        int size = env.observationSize();
        int fixation = 0;
        int stimulus = env.periodStart("stimulus") + 3;
        for (int i = 0; i < size; i++) assertEquals(128, f[fixation * size + i] & 0xFF);
        int white = 0;
        for (int i = 0; i < size; i += 3) if ((f[stimulus * size + i] & 0xFF) == 255) white++;
        assertTrue(white >= 25 && white <= 30, "30 dots of one pixel (a few may share a pixel), got " + white);
        assertEquals(6 + 125 + 6, env.trialLength(), "100, 2000 and 100 ms at 16 ms");
    }

    /**
     * Net motion measured on the pixels: a white pixel of frame t+1 that was white 2 or 3 pixels
     * to the left in frame t moved right (2.5 pixels a frame at 0.05 norm units in a 100-pixel
     * window). Rightward minus leftward matches grow with the coherence, in the ground truth's direction.
     */
    @Test
    void netDotMotionFollowsTheGroundTruthInProportionToTheCoherence() {
        TrialEnv env = make(RandomDotMotion.DESCRIPTOR, Map.of());
        env.reset(21);
        double[] cohs = {0, 12.8, 25.6, 51.2};
        double[] perSignalDot = new double[cohs.length];
        for (int c = 0; c < cohs.length; c++) {
            double net = 0;
            int frames = 0;
            for (int trial = 0; trial < 40; trial++) {
                int gt = trial % 2;
                env.newTrial(Map.of("ground_truth", gt, "coh", cohs[c]));
                double rightward = netRightwardMatches(env);
                net += gt == 0 ? rightward : -rightward;
                frames += env.periodEnd("stimulus") - env.periodStart("stimulus") - 1;
            }
            int signal = (int) (cohs[c] / 100 * 30);
            double perFrame = net / frames;
            if (signal == 0) {
                assertTrue(Math.abs(perFrame) < 0.3, "no net motion at coherence 0, got " + perFrame + " per frame");
            } else {
                perSignalDot[c] = perFrame / signal;
                assertTrue(perSignalDot[c] > 0.6 && perSignalDot[c] < 1.1,
                        "coherence " + cohs[c] + ": " + perFrame + " net matches per frame for " + signal + " signal dots");
            }
        }
        // in proportion: the same net motion per signal dot at every coherence
        assertEquals(perSignalDot[1], perSignalDot[3], 0.2);
        assertEquals(perSignalDot[2], perSignalDot[3], 0.2);
    }

    private static double netRightwardMatches(TrialEnv env) {
        byte[] f = env.trialFrames();
        int w = 100;
        int size = env.observationSize();
        double net = 0;
        for (int t = env.periodStart("stimulus"); t + 1 < env.periodEnd("stimulus"); t++) {
            for (int y = 0; y < w; y++) {
                for (int x = 3; x < w - 3; x++) {
                    if (!white(f, (t + 1) * size, y, x)) continue;
                    boolean fromLeft = white(f, t * size, y, x - 2) || white(f, t * size, y, x - 3);
                    boolean fromRight = white(f, t * size, y, x + 2) || white(f, t * size, y, x + 3);
                    if (fromLeft) net++;
                    if (fromRight) net--;
                }
            }
        }
        return net;
    }

    private static boolean white(byte[] f, int frame, int y, int x) {
        return (f[frame + (y * 100 + x) * 3] & 0xFF) == 255;
    }

    @Test
    void visualSearchShowsTheSampleThenTheSearchDisplayAndTheOracleWins() {
        TrialEnv env = make(VisualSearch.DESCRIPTOR, Map.of());
        env.reset(2);
        double[] gt = (double[]) env.trial().get("ground_truth");
        double[] centers = (double[]) env.trial().get("centers");
        assertArrayEquals(new double[] {centers[0], centers[1]}, gt);
        byte[] f = env.trialFrames();
        int size = env.observationSize();
        assertEquals(4, nonGreyBlobs(f, env.periodStart("decision") * size), "four lines in the search display");
        int sampleFrame = env.periodStart("sample") * size;
        int centre = sampleFrame + (50 * 100 + 50) * 3;
        assertTrue((f[centre] & 0xFF) != 128 || (f[centre + 1] & 0xFF) != 128 || (f[centre + 2] & 0xFF) != 128,
                "the sample crosses the centre");
    }

    /** Counts the window's quadrants holding a non-grey pixel. */
    private static int nonGreyBlobs(byte[] f, int frame) {
        boolean[] quadrant = new boolean[4];
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                int i = frame + (y * 100 + x) * 3;
                if ((f[i] & 0xFF) != 128 || (f[i + 1] & 0xFF) != 128 || (f[i + 2] & 0xFF) != 128) {
                    quadrant[(y < 50 ? 0 : 2) + (x < 50 ? 0 : 1)] = true;
                }
            }
        }
        int n = 0;
        for (boolean q : quadrant) if (q) n++;
        return n;
    }

    @Test
    void theTemporalEnvelopeIsTheReferences() {
        // numpy: envelope(0.1) of neurogym/envs/psychopy/spatialsuppressmotion.py
        double[] ramp = {0.00710208, 0.04215867, 0.1684608, 0.45312885, 0.82045625};
        double[] p = TemporalEnvelope.profile(0.1, 120);
        assertEquals(37, p.length);
        for (int i = 0; i < ramp.length; i++) {
            assertEquals(ramp[i], p[i], 1e-7, "rise " + i);
            assertEquals(ramp[i], p[p.length - 1 - i], 1e-7, "fall " + i);
        }
        for (int i = ramp.length; i < p.length - ramp.length; i++) assertEquals(1.0, p[i]);
    }

    @Test
    void thePlaidDriftsAndFadesInWithTheEnvelope() {
        TrialEnv env = make(SpatialSuppressMotionPixels.DESCRIPTOR, Map.of());
        env.reset(4);
        env.newTrial(Map.of("direction", 2, "contrast", 0.99));
        byte[] f = env.trialFrames();
        int size = env.observationSize();
        assertEquals(36, env.trialLength(), "300 ms at 8.3 ms");
        assertTrue(spread(f, 0, size) < spread(f, 10 * size, size), "the contrast rises with the envelope");
        assertFalse(Arrays.equals(Arrays.copyOfRange(f, 10 * size, 11 * size), Arrays.copyOfRange(f, 11 * size, 12 * size)),
                "the plaid moves from frame to frame");
        assertEquals(128, f[0] & 0xFF, "the corner is the grey window");
        float[] gt = env.trialGroundTruthVector();
        assertEquals(0.99f, gt[35 * 4 + 1], 1e-6f, "right is reported at the end of a high-contrast trial");
    }

    private static int spread(byte[] f, int from, int size) {
        int lo = 255;
        int hi = 0;
        for (int i = from; i < from + size; i++) {
            lo = Math.min(lo, f[i] & 0xFF);
            hi = Math.max(hi, f[i] & 0xFF);
        }
        return hi - lo;
    }
}
