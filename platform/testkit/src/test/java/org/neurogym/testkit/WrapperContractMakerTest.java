package org.neurogym.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurogym.api.spi.EnvMaker;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/** The wrapper contract makes a composed task through the maker it is given, so its checks run instead of skipping. */
class WrapperContractMakerTest {
    private static final TaskDescriptor PART = ContractTasks.all().get(0);
    private static final TaskDescriptor COMPOSED = TaskDescriptor.builder("Composed-v0").family("test")
            .compose((p, maker) -> maker.make(PART.id(), Map.of()));
    private static final WrapperDescriptor SAME = WrapperDescriptor.builder("Same").accepts(Accepts.TRIAL_BASED)
            .build((env, p) -> env);
    private static final EnvMaker MAKER = (id, params) -> PART.create(params);
    private static final ContractOptions OPTIONS = ContractOptions.defaults().withRandomSteps(500);

    @Test
    void aComposedTaskIsMadeThroughTheMaker() {
        List<CheckResult> results = WrapperContract.run(SAME, COMPOSED, MAKER, OPTIONS);
        assertEquals(4, results.size(), results.toString());
        for (CheckResult r : results) assertEquals(CheckResult.Status.PASS, r.status(), r.toString());
    }

    @Test
    void withoutAMakerTheComposedTaskIsSkippedSayingWhy() {
        List<CheckResult> results = WrapperContract.run(SAME, COMPOSED, EnvMaker.NONE, OPTIONS);
        assertEquals(1, results.size(), results.toString());
        assertEquals(CheckResult.Status.SKIP, results.get(0).status());
        assertTrue(results.get(0).detail().contains("no host"), results.get(0).detail());
    }
}
