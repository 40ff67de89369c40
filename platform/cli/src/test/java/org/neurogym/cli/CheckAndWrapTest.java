package org.neurogym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurogym.cli.CliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAndWrapTest {
    @TempDir Path dir;

    @Test
    void checkPassesAGoodTask() {
        CliTest.Result r = cli("check", "PerceptualDecisionMaking-v0");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 tasks: 5 checks passed, 0 failed, 0 skipped"), r.out());
    }

    @Test
    void checkFailsATaskWhoseOracleCannotWinAndExitsOne() {
        CliTest.Result r = cli("check", "WrongGroundTruth-v0", "--json");
        assertEquals(1, r.code(), r.out());
        String o = r.out().replaceAll("\\s+", "");
        assertTrue(o.contains("\"check\":\"oracle\",\"status\":\"FAIL\",\"detail\":\"performance1on0of500trials"), o);
        assertTrue(o.contains("\"failed\":1"), o);
    }

    @Test
    void checkTagCoversTheTasksWithTheTagOnlyAndRefusesAnUnknownTag() {
        CliTest.Result r = cli("check", "--tag", "perceptual");
        assertEquals(0, r.code(), "the failing fixture task is tagged 'fixture' only: " + r.out());
        assertTrue(r.out().contains("PerceptualDecisionMaking-v0") && r.out().contains("PulseDecisionMaking-v0"), r.out());
        assertTrue(!r.out().contains("WrongGroundTruth-v0"), r.out());
        assertEquals(1, cli("check", "--tag", "fixture").code(), "the fixture task is checked, and fails");
        CliTest.Result bad = cli("check", "--tag", "perceptul");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("unknown tag 'perceptul'"), bad.err());
        CliTest.Result both = cli("check", "--tag", "perceptual", "--all");
        assertEquals(2, both.code(), both.err());
    }

    @Test
    void checkAllCoversEveryLoadedTask() {
        CliTest.Result r = cli("check", "--all");
        assertEquals(1, r.code(), "the fixture task fails");
        for (String id : new String[] {"PerceptualDecisionMaking-v0", "PulseDecisionMaking-v0", "WrongGroundTruth-v0"}) {
            assertTrue(r.out().contains(id), id);
        }
    }

    @Test
    void checkNeedsIdsOrAll() {
        assertEquals(2, cli("check").code());
        assertEquals(2, cli("check", "--all", "PerceptualDecisionMaking-v0").code());
    }

    @Test
    void wrapFromTheCommandLineChangesTheRun() {
        CliTest.Result plain = cli("run", "PerceptualDecisionMaking-v0", "--agent", "oracle", "--trials", "20", "--json");
        CliTest.Result scaled = cli("run", "PerceptualDecisionMaking-v0", "--agent", "oracle", "--trials", "20",
                "--wrap", "ScaleReward:factor=3", "--json");
        assertEquals(0, scaled.code(), scaled.err());
        assertEquals(1.0, Double.parseDouble(plain.field("meanReward")));
        assertEquals(3.0, Double.parseDouble(scaled.field("meanReward")));
    }

    @Test
    void wrappersFromTomlGiveTheSameDigestAsFlags() throws Exception {
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, """
                [env]
                name = "PerceptualDecisionMaking-v0"

                [[wrappers]]
                name = "ScaleReward"
                factor = 2.5
                """);
        String fromFile = cli("run", "--config", f.toString(), "--steps", "800", "--json").field("digest");
        String fromFlags = cli("run", "PerceptualDecisionMaking-v0", "--wrap", "ScaleReward:factor=2.5", "--steps", "800", "--json").field("digest");
        String unwrapped = cli("run", "PerceptualDecisionMaking-v0", "--steps", "800", "--json").field("digest");
        assertEquals(fromFlags, fromFile);
        assertTrue(!fromFile.equals(unwrapped));
    }

    @Test
    void wrapperErrorsNameTheWrapperKeyAndPosition() throws Exception {
        CliTest.Result unknown = cli("run", "PerceptualDecisionMaking-v0", "--wrap", "ScaleRewards");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown wrapper 'ScaleRewards'; did you mean ScaleReward"), unknown.err());
        CliTest.Result badParam = cli("run", "PerceptualDecisionMaking-v0", "--wrap", "ScaleReward:factr=2");
        assertEquals(2, badParam.code());
        assertTrue(badParam.err().contains("unknown parameter 'factr' for ScaleReward; did you mean 'factor'"), badParam.err());
        Path f = dir.resolve("exp.toml");
        Files.writeString(f, "[env]\nname = \"PerceptualDecisionMaking-v0\"\n\n[[wrappers]]\nname = \"ScaleReward\"\nfactor = \"big\"\n");
        CliTest.Result fromFile = cli("run", "--config", f.toString());
        assertEquals(2, fromFile.code());
        assertTrue(fromFile.err().contains("exp.toml:6:1"), fromFile.err());
    }

    @Test
    void wrappersAreListedAndDescribed() {
        CliTest.Result list = cli("wrappers", "--json");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("\"id\": \"ScaleReward\""), list.out());
        CliTest.Result info = cli("info", "ScaleReward");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("factor (number, default 1.0): The factor."), info.out());
    }

    @Test
    void infoShowsTheWrappersApplied() {
        CliTest.Result r = cli("info", "PerceptualDecisionMaking-v0", "--wrap", "ScaleReward:factor=2", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().replaceAll("\\s+", "").contains("\"wrappers\":[{\"name\":\"ScaleReward\",\"params\":{\"factor\":2"), r.out());
    }

    @Test
    void docsAreGeneratedFromTheDescriptors() throws Exception {
        Path out = dir.resolve("tasks.md");
        CliTest.Result r = cli("docs", "tasks", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out);
        assertTrue(md.contains("## PerceptualDecisionMaking-v0"), md);
        assertTrue(md.contains("| observation | Box[3] in [-inf, inf]: fixation [0], stimulus [1, 2] |"), md);
        assertTrue(md.contains("| `cohs` | list of numbers | `[0.0,6.4,12.8,25.6,51.2]` |"), md);
        assertEquals(2, cli("docs", "nonsense").code());
    }
}
