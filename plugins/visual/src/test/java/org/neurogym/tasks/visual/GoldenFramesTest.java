package org.neurogym.tasks.visual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Golden frames: a few pixels and a digest of the first trial's frames after {@code reset(1)}. A
 * change here changes what every dataset of these tasks holds: make it on purpose, and say so.
 */
class GoldenFramesTest {

    private static TrialEnv first(TaskDescriptor d) {
        TrialEnv env = (TrialEnv) d.create(Map.of());
        env.reset(1);
        return env;
    }

    /** The red, green and blue values of pixel (x, y) of frame t. */
    private static String pixel(TrialEnv env, int t, int x, int y) {
        int i = t * env.observationSize() + (y * 100 + x) * 3;
        byte[] f = env.trialFrames();
        return (f[i] & 0xFF) + "," + (f[i + 1] & 0xFF) + "," + (f[i + 2] & 0xFF);
    }

    static String digest(TrialEnv env) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(env.trialFrames(), 0, env.trialLength() * env.observationSize());
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    @Test
    void randomDotMotion() throws Exception {
        TrialEnv env = first(RandomDotMotion.DESCRIPTOR);
        assertEquals("{ground_truth=1, coh=12.8}", env.trial().toString());
        assertEquals("128,128,128", pixel(env, 0, 50, 50), "fixation: the grey window");
        assertEquals("255,255,255", pixel(env, 10, 43, 27), "a white dot");
        assertEquals("255,255,255", pixel(env, 10, 44, 68), "another");
        assertEquals("128,128,128", pixel(env, 10, 44, 27), "beside it");
        assertEquals("f8b500a8c86e1286", digest(env));
    }

    @Test
    void visualSearch() throws Exception {
        TrialEnv env = first(VisualSearch.DESCRIPTOR);
        assertEquals("223,251,184", pixel(env, 40, 50, 50), "the sample line crosses the centre in its colour");
        assertEquals("128,128,128", pixel(env, 0, 50, 50), "fixation: the grey window");
        assertEquals("ca532e7976741f86", digest(env));
    }

    @Test
    void spatialSuppressMotionPixels() throws Exception {
        TrialEnv env = first(SpatialSuppressMotionPixels.DESCRIPTOR);
        assertEquals("{direction=2, diameter=1.0, contrast=0.05}", env.trial().toString());
        assertEquals("123,123,123", pixel(env, 20, 50, 50));
        assertEquals("131,131,131", pixel(env, 20, 45, 52));
        assertEquals("128,128,128", pixel(env, 20, 10, 10), "outside the aperture: the grey window");
        assertEquals("7bd7ecb973ee30aa", digest(env));
    }
}
