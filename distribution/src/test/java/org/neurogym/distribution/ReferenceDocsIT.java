package org.neurogym.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task and wrapper references in docs/ are generated from the plugins; they must not drift from them. */
class ReferenceDocsIT {
    static final Path DOCS = Path.of("..", "docs");

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "wrappers"})
    void theCommittedReferenceMatchesThePlugins(String what) throws Exception {
        DistributionIT.Result r = DistributionIT.neurogym("docs", what);
        assertEquals(0, r.code(), r.err());
        Path committed = DOCS.resolve(what + ".md");
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(expected, r.out(), "docs/" + what + ".md is out of date; regenerate it with "
                + "distribution/target/neurogym/bin/neurogym docs " + what + " --out docs/" + what + ".md");
    }
}
