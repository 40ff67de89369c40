package org.neurogym.api.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurogym.api.Rng;

/** Box, Discrete and their named channels. */
class SpacesTest {

    @Test
    void boxContainsChecksLengthAndBounds() {
        Box box = new Box(new int[] {3}, new float[] {0, -1, -2}, new float[] {1, 1, 2});
        assertTrue(box.contains(new float[] {0.5f, 0, 0}));
        assertTrue(box.contains(new float[] {0, -1, 2}), "bounds are inclusive");
        assertFalse(box.contains(new float[] {1.01f, 0, 0}));
        assertFalse(box.contains(new float[] {0.5f, -1.5f, 0}));
        assertFalse(box.contains(new float[] {0.5f, 0}), "too short");
        assertFalse(box.contains(new float[] {0.5f, 0, 0, 0}), "too long");
        assertFalse(box.contains(new float[] {Float.NaN, 0, 0}));
        assertFalse(box.contains(null));
        Box unbounded = Box.unbounded(2);
        assertTrue(unbounded.contains(new float[] {1e30f, -1e30f}));
        assertFalse(unbounded.contains(new float[] {Float.NaN, 0}));
    }

    @Test
    void boundedSamplesAreUniformWithinTheBounds() {
        Box box = new Box(new int[] {2}, new float[] {-1, 10}, new float[] {1, 20});
        Rng rng = new Rng(3);
        double[] sum = new double[2];
        int n = 20000;
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x), java.util.Arrays.toString(x));
            for (int j = 0; j < 2; j++) {
                sum[j] += x[j];
                min[j] = Math.min(min[j], x[j]);
                max[j] = Math.max(max[j], x[j]);
            }
        }
        assertEquals(0, sum[0] / n, 0.03);
        assertEquals(15, sum[1] / n, 0.1);
        assertTrue(min[0] < -0.99 && max[0] > 0.99, "spreads over the whole range");
        assertTrue(min[1] < 10.01 && max[1] > 19.99);
    }

    @Test
    void unboundedAndHalfBoundedSamplesAreFinite() {
        Box box = new Box(new int[] {3},
                new float[] {Float.NEGATIVE_INFINITY, 2, Float.NEGATIVE_INFINITY},
                new float[] {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, -3});
        Rng rng = new Rng(4);
        float[] out = new float[3];
        boolean sawNegative = false;
        for (int i = 0; i < 5000; i++) {
            float[] x = box.sample(rng, out);
            assertTrue(x == out, "fills the given buffer");
            for (float v : x) assertTrue(Float.isFinite(v));
            assertTrue(x[1] >= 2);
            assertTrue(x[2] <= -3);
            if (x[0] < 0) sawNegative = true;
        }
        assertTrue(sawNegative, "unbounded elements take both signs");
    }

    @Test
    void samplingIsReproducible() {
        Box box = Box.of(4, -1, 1);
        assertArrayEquals(box.sample(new Rng(8)), box.sample(new Rng(8)));
    }

    @Test
    void boxValidatesItsShapeAndBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Box(new int[] {0}, new float[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new Box(new int[] {2}, new float[] {0}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Box(new int[] {1}, new float[] {2}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Box(new int[] {1}, new float[] {Float.NaN}, new float[] {1}));
    }

    @Test
    void boxIsDefensive() {
        float[] low = {0, 0};
        Box box = new Box(new int[] {2}, low, new float[] {1, 1});
        low[0] = 5;
        assertEquals(0f, box.low(0));
        box.low()[1] = 9;
        assertEquals(0f, box.low(1));
        assertEquals(2, box.size());
        assertArrayEquals(new int[] {2}, box.shape());
        assertEquals(4, new Box(new int[] {2, 2}, new float[4], new float[4]).size());
    }

    @Test
    void extendAppendsNamedChannelsAndKeepsTheOldOnes() {
        Box box = Box.unbounded(3, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3));
        Box extended = box.extend(2, 0, 1, Channel.range("context", 3, 5));
        assertEquals(5, extended.size());
        assertArrayEquals(new int[] {0}, extended.channel("fixation"));
        assertArrayEquals(new int[] {1, 2}, extended.channel("stimulus"));
        assertArrayEquals(new int[] {3, 4}, extended.channel("context"));
        assertEquals(List.of("fixation", "stimulus", "context"), List.copyOf(extended.channels().keySet()));
        assertEquals(Float.NEGATIVE_INFINITY, extended.low(2));
        assertEquals(0f, extended.low(3));
        assertEquals(1f, extended.high(4));
        assertEquals(3, box.size(), "the original is unchanged");
        assertThrows(IllegalArgumentException.class, () -> box.channel("context"));
    }

    @Test
    void extendRejectsChannelsOutsideTheNewSizeOrReusingAName() {
        Box box = Box.unbounded(2, Channel.of("fixation", 0));
        assertThrows(IllegalArgumentException.class, () -> box.extend(1, 0, 1, Channel.of("context", 3)));
        assertThrows(IllegalArgumentException.class, () -> box.extend(1, 0, 1, Channel.of("fixation", 2)));
    }

    @Test
    void anUnknownChannelNamesItAndTheKnownOnes() {
        Box box = Box.unbounded(2, Channel.of("fixation", 0), Channel.of("stimulus", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> box.channel("stim"));
        assertTrue(e.getMessage().contains("'stim'"), e.getMessage());
        assertTrue(e.getMessage().contains("fixation") && e.getMessage().contains("stimulus"), e.getMessage());
        Discrete d = new Discrete(3, Channel.range("choice", 1, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.channel("choise")).getMessage().contains("choise"));
    }

    @Test
    void discreteContainsAndSamplesItsRange() {
        Discrete d = new Discrete(4);
        assertTrue(d.contains(0));
        assertTrue(d.contains(3));
        assertFalse(d.contains(4));
        assertFalse(d.contains(-1));
        int[] counts = new int[4];
        Rng rng = new Rng(1);
        for (int i = 0; i < 4000; i++) {
            int a = d.sample(rng);
            assertTrue(d.contains(a));
            counts[a]++;
        }
        for (int c : counts) assertTrue(c > 800 && c < 1200, java.util.Arrays.toString(counts));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void channelsOutsideTheSpaceAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Box.unbounded(2, Channel.of("stimulus", 1, 2)));
        assertTrue(e.getMessage().contains("stimulus") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Box.unbounded(2, Channel.of("x", -1)));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(3, Channel.of("choice", 3)));
    }

    @Test
    void aChannelNamedTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Box.unbounded(3, Channel.of("a", 0), Channel.of("a", 1)));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Discrete(3, Channel.of("c", 1), Channel.of("c", 2)));
    }

    @Test
    void channelsNeedANameAndIndices() {
        assertThrows(IllegalArgumentException.class, () -> Channel.of(" ", 0));
        assertThrows(IllegalArgumentException.class, () -> Channel.of("x"));
        assertThrows(IllegalArgumentException.class, () -> Channel.range("x", 2, 2));
        assertArrayEquals(new int[] {2, 3, 4}, Channel.range("x", 2, 5).indices());
        int[] idx = {1, 2};
        Channel c = Channel.of("c", idx);
        idx[0] = 7;
        c.indices()[1] = 9;
        assertArrayEquals(new int[] {1, 2}, c.indices(), "defensive copies");
    }

    @Test
    void aReversedRangeIsRejectedAsABadArgument() {
        assertThrows(IllegalArgumentException.class, () -> Channel.range("x", 3, 1));
    }

    @Test
    void spacesDescribeTheirChannels() {
        assertEquals("Discrete(3){fixation=[0], choice=[1, 2]}",
                new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)).toString());
        assertEquals("Box[2]", Box.unbounded(2).toString());
    }
}
