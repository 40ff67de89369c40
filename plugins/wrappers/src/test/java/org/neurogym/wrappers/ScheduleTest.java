package org.neurogym.wrappers;

import org.neurogym.api.wrapper.Schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static int[] run(Schedule s, long seed, int calls) {
        s.reset();
        s.seed(seed);
        int[] out = new int[calls];
        for (int i = 0; i < calls; i++) out[i] = s.next();
        return out;
    }

    @Test
    void everyScheduleIsReproducibleUnderASeed() {
        int[] lens = new int[10];
        Arrays.fill(lens, 5);
        for (Schedule s : new Schedule[] {new Schedule.Random(10), new Schedule.RandomBlock(10, lens),
                new Schedule.Sequential(10), new Schedule.SequentialBlock(10, lens)}) {
            int[] a = run(s, 0, 1000);
            int[] b = run(s, 0, 1000);
            assertArrayEquals(a, b, s + " not reproducible");
        }
        assertFalse(Arrays.equals(run(new Schedule.Random(10), 0, 100), run(new Schedule.Random(10), 1, 100)));
    }

    @Test
    void randomNeverRepeatsTheCurrentIndexAndCoversAll() {
        int[] a = run(new Schedule.Random(4), 3, 4000);
        int[] counts = new int[4];
        for (int i = 0; i < a.length; i++) {
            if (i > 0) assertNotEquals(a[i - 1], a[i]);
            counts[a[i]]++;
        }
        for (int c : counts) assertEquals(1000, c, 100);
        assertArrayEquals(new int[] {0, 0, 0}, run(new Schedule.Random(1), 3, 3), "a single condition repeats");
    }

    @Test
    void sequentialCyclesFromZero() {
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, run(new Schedule.Sequential(3), 0, 7));
    }

    @Test
    void sequentialBlocksFollowTheirLengths() {
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2, 0, 0, 1}, run(new Schedule.SequentialBlock(3, new int[] {2, 1, 3}), 0, 9));
    }

    @Test
    void randomBlocksKeepTheirLengthAndChangeIndex() {
        int[] a = run(new Schedule.RandomBlock(3, new int[] {4, 4, 4}), 9, 400);
        for (int start = 0; start < a.length; start += 4) {
            for (int k = 1; k < 4; k++) assertEquals(a[start], a[start + k]);
            if (start + 4 < a.length) assertNotEquals(a[start], a[start + 4]);
        }
    }

    @Test
    void schedulesByNameWithTheirNumbers() {
        assertTrue(Schedule.of("Sequential", 3, null) instanceof Schedule.Sequential);
        assertTrue(Schedule.of("random", 3, null) instanceof Schedule.Random);
        assertTrue(Schedule.of("RandomBlockSchedule", 2, new int[] {3, 3}) instanceof Schedule.RandomBlock);
        assertTrue(Schedule.of("SequentialBlock", 2, new int[] {1, 2}) instanceof Schedule.SequentialBlock);
        assertThrows(IllegalArgumentException.class, () -> Schedule.of("Shuffled", 3, null));
        assertThrows(IllegalArgumentException.class, () -> Schedule.of("RandomBlock", 3, new int[] {1, 2}), "one length per condition");
        assertThrows(IllegalArgumentException.class, () -> Schedule.of("RandomBlock", 3, null));
        assertThrows(IllegalArgumentException.class, () -> Schedule.of("Random", 3, new int[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Schedule.of("SequentialBlock", 2, new int[] {0, 1}));
    }
}
