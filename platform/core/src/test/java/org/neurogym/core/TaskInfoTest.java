package org.neurogym.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;

class TaskInfoTest {
    @Test
    void anImageSpaceIsUint8WithItsColoursNamedAlongTheLastAxis() {
        Map<String, Object> m = TaskInfo.space(Box.uint8Image(4, 5));
        assertEquals("uint8", m.get("dtype"));
        assertArrayEquals(new int[] {4, 5, 3}, (int[]) m.get("shape"));
        Map<?, ?> names = (Map<?, ?>) m.get("names");
        assertArrayEquals(new int[] {0}, (int[]) names.get("red"));
        assertArrayEquals(new int[] {2}, (int[]) names.get("blue"));
        assertEquals(2, m.get("namesAxis"));
    }

    @Test
    void aFlatBoxKeepsItsFlatChannelIndices() {
        Box flat = Box.of(3, 0, 1, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3));
        Map<String, Object> m = TaskInfo.space(flat);
        assertEquals("float32", m.get("dtype"));
        Map<?, ?> names = (Map<?, ?>) m.get("names");
        assertArrayEquals(new int[] {1, 2}, (int[]) names.get("stimulus"));
        assertNull(m.get("namesAxis"));
    }
}
