package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {
        String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\": ([^,\\n]+)").matcher(out);
            if (!m.find()) throw new AssertionError("no field " + name + " in " + out);
            return m.group(1).replace("\"", "").trim();
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void listShowsTasksWithFamilyPluginAndTags() {
        Result r = cli("list", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"id\": \"PerceptualDecisionMaking-v0\""), r.out());
        assertTrue(r.out().contains("\"plugin\": \"perceptual\""));
        Result text = cli("list", "--tag", "two-alternative");
        assertEquals(0, text.code());
        assertTrue(text.out().contains("PulseDecisionMaking-v0"));
        assertFalse(text.out().contains("PerceptualDecisionMakingDelayResponse-v0 ") && !text.out().contains("two-alternative"));
    }

    @Test
    void unknownTagIsAUsageError() {
        Result r = cli("list", "--tag", "perceptul");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'perceptual'"), r.err());
    }

    @Test
    void infoDescribesSpacesTimingAndTrialLengths() {
        Result r = cli("info", "PerceptualDecisionMaking-v0", "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"observationSpace\":{\"type\":\"Box\",\"shape\":[3]"), o);
        assertTrue(o.contains("\"names\":{\"fixation\":[0],\"stimulus\":[1,2]}"), o);
        assertTrue(o.contains("\"actionSpace\":{\"type\":\"Discrete\",\"n\":3,\"names\":{\"fixation\":[0],\"choice\":[1,2]}}"), o);
        assertTrue(o.contains("\"dt\":100.0"), o);
        assertTrue(o.contains("\"trialLengthStats\":{\"trials\":1000,\"mean\":22.0,\"std\":0.0,\"p95\":22.0,\"max\":22}"), o);
        assertTrue(o.contains("{\"name\":\"cohs\",\"type\":\"listofnumbers\",\"default\":[0.0,6.4,12.8,25.6,51.2]"), o);
    }

    @Test
    void infoReflectsParameters() {
        Result r = cli("info", "PerceptualDecisionMaking-v0", "--param", "dim_ring=4", "--param", "timing.stimulus=500", "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"shape\":[5]"), o);
        assertTrue(o.contains("\"stimulus\":\"500\""), o);
        assertTrue(o.contains("\"mean\":7.0"), o);
    }

    @Test
    void oracleRunIsPerfectAndRandomIsNot() {
        Result oracle = cli("run", "PerceptualDecisionMaking-v0", "--agent", "oracle", "--trials", "200", "--json");
        assertEquals(0, oracle.code(), oracle.err());
        assertEquals("1.0", oracle.field("meanPerformance"));
        assertEquals("200", oracle.field("trials"));
        Result random = cli("run", "PerceptualDecisionMaking-v0", "--agent", "random", "--trials", "200", "--json");
        assertTrue(Double.parseDouble(random.field("meanPerformance")) < 0.5, random.out());
    }

    @Test
    void seedsReproduceDigests() {
        String a = cli("run", "PerceptualDecisionMaking-v0", "--steps", "2000", "--seed", "5", "--json").field("digest");
        String b = cli("run", "PerceptualDecisionMaking-v0", "--steps", "2000", "--seed", "5", "--json").field("digest");
        String c = cli("run", "PerceptualDecisionMaking-v0", "--steps", "2000", "--seed", "6", "--json").field("digest");
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void unknownIdExitsTwoWithSuggestions() {
        Result r = cli("run", "PerceptualDecisionMakin-v0");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("neurogym: unknown task 'PerceptualDecisionMakin-v0'; did you mean PerceptualDecisionMaking-v0"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void badParameterExitsTwoNamingTheKey() {
        Result r = cli("run", "PerceptualDecisionMaking-v0", "--param", "sigma=loud");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("parameter 'sigma' must be a number"), r.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, cli("run", "PerceptualDecisionMaking-v0", "--trials", "3", "--steps", "4").code());
        assertEquals(2, cli("frobnicate").code());
        assertEquals(2, cli("run", "PerceptualDecisionMaking-v0", "--agent", "fixed:9").code());
        assertEquals(2, cli("run", "PerceptualDecisionMaking-v0", "--agent", "smart").code());
    }

    @Test
    void configFileProvidesTheTaskAndParametersAndCliWins() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\ndim_ring = 3\n[env.timing]\nstimulus = 300\n");
        Result r = cli("info", "--config", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"shape\":[4]"), o);
        assertTrue(o.contains("\"mean\":5.0"), o);
        Result over = cli("info", "--config", f.toString(), "--param", "dim_ring=5", "--json");
        assertTrue(over.out().replaceAll("\\s+", "").contains("\"shape\":[6]"), over.out());
        String fromFile = cli("run", "--config", f.toString(), "--steps", "500", "--json").field("digest");
        String fromFlags = cli("run", "PerceptualDecisionMaking-v0", "--param", "dim_ring=3", "--param", "timing.stimulus=300",
                "--steps", "500", "--json").field("digest");
        assertEquals(fromFlags, fromFile);
    }

    @Test
    void badConfigValuesPointAtFileLineAndColumn() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\nsigma = \"loud\"\n");
        Result r = cli("run", "--config", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exp.toml:3:1"), r.err());
        Files.writeString(f, "[env\nname = 1\n");
        Result syntax = cli("run", "--config", f.toString());
        assertEquals(2, syntax.code());
        assertTrue(syntax.err().contains("invalid TOML") && syntax.err().contains("exp.toml:1:"), syntax.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result r = cli("--verbose", "run", "PerceptualDecisionMakin-v0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at org.neurogym"), r.err());
    }
}
