package org.neurogym.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version comparison and the Plugin-Requires range check. */
class ApiVersionTest {

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "0.1.0          | [0.1.0,0.2.0)        | true",
            "0.1.9          | [0.1.0,0.2.0)        | true",
            "0.2.0          | [0.1.0,0.2.0)        | false",
            "0.0.9          | [0.1.0,0.2.0)        | false",
            "0.1.0-SNAPSHOT | [0.1.0,0.2.0)        | true",
            "0.1.0          | (0.1.0,0.2.0]        | false",
            "0.2.0          | (0.1.0,0.2.0]        | true",
            "5.0.0          | [0.1,)               | true",
            "0.0.1          | (,0.1.0)             | true",
            "0.1.0          | (,0.1.0)             | false",
            "0.1.0          | >=0.1.0 & <0.2.0     | true",
            "0.1.5          | >=0.1.0 & <0.2.0     | true",
            "0.2.0          | >=0.1.0 & <0.2.0     | false",
            "0.0.9          | >=0.1.0 & <0.2.0     | false",
            "0.1.0          | >0.1.0               | false",
            "0.1.1          | >0.1.0               | true",
            "0.1.0          | <=0.1.0              | true",
            "0.1.0          | =0.1.0               | true",
            "0.1.1          | ==0.1.0              | false",
            "0.1.0          | *                    | true",
            "99.0.0         | *                    | true",
            "0.1.0          | 0.1.0                | true",
            "0.0.9          | 0.1.0                | false",
            "1.0.0          | 0.1.0                | true",
            "0.10.0         | >0.9.0               | true",
    })
    void satisfies(String version, String range, boolean expected) {
        assertEquals(expected, ApiVersion.satisfies(version, range));
    }

    @Test
    void anEmptyRangeAcceptsEverything() {
        assertTrue(ApiVersion.satisfies("0.1.0", ""));
        assertTrue(ApiVersion.satisfies("0.1.0", "  "));
    }

    @Test
    void compareIsNumericAndPadsMissingParts() {
        assertEquals(0, ApiVersion.compare("0.1", "0.1.0"));
        assertTrue(ApiVersion.compare("0.10.0", "0.9.9") > 0);
        assertTrue(ApiVersion.compare("1.0.0", "0.99.99") > 0);
        assertEquals(0, ApiVersion.compare("1.2.3-SNAPSHOT", "1.2.3"));
        assertEquals(0, ApiVersion.compare("1.2.3+build.5", "1.2.3"));
        assertTrue(ApiVersion.compare("0.1.0", "0.1.1") < 0);
    }

    @Test
    void badRangesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.satisfies("0.1.0", "[0.1.0,0.2.0,0.3.0)"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.satisfies("0.1.0", "~>0.1.0"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.satisfies("0.1.0", ">=abc"));
    }

    @Test
    void theCurrentVersionIsFilteredInAndSatisfiesItsOwnSeries() {
        String current = ApiVersion.current();
        assertTrue(current.matches("\\d+\\.\\d+\\.\\d+.*"), current);
        assertFalse(current.equals("0.0.0"), "the properties resource is on the classpath");
        assertTrue(ApiVersion.satisfies(current, ">=" + current));
        assertTrue(ApiVersion.satisfies(current, "[" + current + ",)"));
        assertFalse(ApiVersion.satisfies(current, "(" + current + ",)"));
    }

    @Test
    void aRangeWithoutItsClosingBracketIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.satisfies("0.1.5", "[0.1.0,0.2.0"));
    }
}
