package org.neurogym.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a caller holding a {@link Trial} may rely on now that envs reuse them, and the unboxed fact store. */
class TrialReuseTest {

    @Test
    void aTrialStaysReadableThroughTheNextTrialAndSerialsTellTrialsApart() {
        ToyTask env = StepSemanticsTest.factTask();
        env.reset(3);
        Trial first = env.trial();
        Map<String, Object> firstFacts = first.asMap();
        long firstSerial = first.serial();
        Trial second = env.newTrial(Map.of());
        assertNotSame(first, second, "the trial that just ended is not overwritten by the next");
        assertEquals(firstFacts, first.asMap());
        assertEquals(firstSerial, first.serial());
        assertEquals(firstSerial + 1, second.serial());
        Trial third = env.newTrial(Map.of());
        assertSame(first, third, "two Trial objects are used in turn");
        assertEquals(firstSerial + 2, third.serial());
        assertEquals(firstFacts.keySet(), third.asMap().keySet());
        // serials keep counting across resets, so an object seen before a reset is never mistaken for a later trial
        env.reset(3);
        assertTrue(env.trial().serial() > third.serial());
    }

    @Test
    void copiesAndMapsAreUnaffectedByReuse() {
        ToyTask env = StepSemanticsTest.factTask();
        env.reset(5);
        Trial kept = env.trial().copy();
        Map<String, Object> map = env.trial().asMap();
        for (int i = 0; i < 5; i++) env.newTrial(Map.of("ground_truth", i % 2));
        assertEquals(map, kept.asMap());
        assertEquals(map.get("coh"), kept.get("coh"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("x", 1));
    }

    @Test
    void numbersAreStoredUnboxedButReadAsBefore() {
        Trial t = new Trial();
        t.put("i", 3).put("d", 2.5).put("l", 7L).put("f", 1.5f).put("o", List.of(1, 2)).put("b", true);
        assertEquals(Integer.valueOf(3), t.get("i"));
        assertEquals(Double.valueOf(2.5), t.get("d"));
        assertEquals(Long.valueOf(7), t.get("l"));
        assertEquals(Float.valueOf(1.5f), t.get("f"));
        assertEquals(List.of(1, 2), t.get("o"));
        assertEquals(3.0, t.getDouble("i"));
        assertEquals(2, t.getInt("d"));
        assertEquals(7, t.getInt("l"));
        assertEquals(1, t.getInt("b"));
        assertEquals(List.of("i", "d", "l", "f", "o", "b"), List.copyOf(t.asMap().keySet()), "recording order");
        assertEquals("{i=3, d=2.5, l=7, f=1.5, o=[1, 2], b=true}", t.toString());
        // replacing a fact keeps its place and its new kind
        t.put("i", 4.5);
        assertEquals(4.5, t.get("i"));
        assertEquals("i", t.asMap().keySet().iterator().next());
        assertNull(t.get("missing"));
        assertFalse(t.has("missing"));
    }

    @Test
    void givenFactsWinAsTheyDidInTheMap() {
        Map<String, Object> given = new HashMap<>();
        given.put("n", null);
        given.put("g", 2L);
        Trial t = new Trial(given);
        assertEquals(2, t.setDefault("g", 9), "a given number wins, converted");
        assertEquals(Integer.valueOf(2), t.get("g"), "and is recorded as the task's kind");
        assertEquals(4.0, t.setDefault("n", 4.0), "a fact given as null is drawn");
        assertEquals("x", t.setDefault("s", "x"));
        assertEquals("x", t.setDefault("s", "y"));
        // far more facts than the initial room
        for (int i = 0; i < 40; i++) t.put("k" + i, i);
        assertEquals(39, t.getInt("k39"));
        assertEquals(7, t.getInt(new StringBuilder("k").append(7).toString()), "found by equals, not only identity");
    }
}
