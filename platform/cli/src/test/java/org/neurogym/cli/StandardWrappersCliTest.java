package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurogym.cli.CliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrapper issue's acceptance commands, with the real wrappers plugin on the class path. */
class StandardWrappersCliTest {
    @TempDir Path dir;

    @Test
    void reactionTimeOracleIsPerfectAndAnswersWithinTheStimulus() {
        CliTest.Result r = cli("run", "PerceptualDecisionMaking-v0", "--wrap", "ReactionTime", "--agent", "oracle", "--trials", "200", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("1.0", r.field("meanPerformance"));
        Matcher m = Pattern.compile("\"reaction_time\": ([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        double rt = Double.parseDouble(m.group(1));
        assertTrue(rt > 0 && rt < 2000, "mean reaction time " + rt + " ms is shorter than the 2000 ms stimulus");
    }

    @Test
    void passRewardAndPassActionAddTwoNamedChannels() {
        CliTest.Result r = cli("info", "PerceptualDecisionMaking-v0", "--wrap", "PassReward", "--wrap", "PassAction", "--json");
        assertEquals(0, r.code(), r.err());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"observationSpace\":{\"type\":\"Box\",\"shape\":[5]"), o);
        assertTrue(o.contains("\"names\":{\"fixation\":[0],\"stimulus\":[1,2],\"reward\":[3],\"action\":[4]}"), o);
    }

    @Test
    void infoAndTheWrapperReferenceShowFamilyAndWhatTheWrapperAccepts() throws Exception {
        CliTest.Result r = cli("info", "SideBias");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("SideBias  (wrapper, trial, plugin wrappers)"), r.out());
        assertTrue(r.out().contains("Accepts: trial-based envs whose tasks declare their choices"), r.out());
        String json = cli("info", "Noise", "--json").out().replaceAll("\":\\s+", "\":");
        assertTrue(json.contains("\"family\":\"observation\""), json);
        assertTrue(json.contains("\"accepts\":\"trial-based envs with 1-D Box observations\""), json);

        Path out = dir.resolve("wrappers.md");
        assertEquals(0, cli("docs", "wrappers", "--out", out.toString()).code());
        String md = Files.readString(out);
        String reactionTime = md.substring(md.indexOf("## ReactionTime"), md.indexOf("## ", md.indexOf("## ReactionTime") + 3));
        assertTrue(reactionTime.contains("| family | trial |"), reactionTime);
        assertTrue(reactionTime.contains("| accepts | trial-based tasks with discrete actions and 'stimulus' and 'decision' periods, "
                + "not already under ReactionTime |"), reactionTime);
    }

    @Test
    void theSameWrappedRunFromTomlAndFromFlags() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, """
                [env]
                name = "PerceptualDecisionMaking-v0"
                sigma = 0.5

                [[wrappers]]
                name = "Noise"
                std_noise = 0.2

                [[wrappers]]
                name = "PassReward"
                """);
        String fromFile = cli("run", "--config", f.toString(), "--steps", "1000", "--seed", "3", "--json").field("digest");
        String fromFlags = cli("run", "PerceptualDecisionMaking-v0", "--param", "sigma=0.5", "--wrap", "Noise:std_noise=0.2",
                "--wrap", "PassReward", "--steps", "1000", "--seed", "3", "--json").field("digest");
        assertEquals(fromFlags, fromFile);
    }

    @Test
    void aWrapperThatCannotApplySaysWhy() {
        CliTest.Result r = cli("run", "PulseDecisionMaking-v0", "--wrap", "ReactionTime");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ReactionTime") && r.err().contains("stimulus"), r.err());
    }
}
