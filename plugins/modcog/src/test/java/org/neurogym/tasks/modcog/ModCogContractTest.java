package org.neurogym.tasks.modcog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.testkit.CheckResult;
import org.neurogym.testkit.ContractOptions;
import org.neurogym.testkit.TaskContract;
import org.neurogym.testkit.TaskContractTests;

class ModCogContractTest {

    /** Every name of Mod-Cog's README, in its order. */
    static final List<String> README_ORDER = List.of("go", "rtgo", "dlygo", "anti", "rtanti", "dlyanti",
            "dm1", "dm2", "ctxdm1", "ctxdm2", "multidm", "dlydm1", "dlydm2",
            "ctxdlydm1", "ctxdlydm2", "multidlydm", "dms", "dnms", "dmc", "dnmc",
            "dlygointr", "dlygointl", "dlyantiintr", "dlyantiintl", "dlydm1intr", "dlydm1intl",
            "dlydm2intr", "dlydm2intl", "ctxdlydm1intr", "ctxdlydm1intl", "ctxdlydm2intr", "ctxdlydm2intl",
            "multidlydmintr", "multidlydmintl", "dmsintr", "dmsintl", "dnmsintr",
            "dnmsintl", "dmcintr", "dmcintl", "dnmcintr", "dnmcintl", "goseqr", "rtgoseqr", "dlygoseqr",
            "antiseqr", "rtantiseqr", "dlyantiseqr", "dm1seqr", "dm2seqr", "ctxdm1seqr", "ctxdm2seqr",
            "multidmseqr", "dlydm1seqr", "dlydm2seqr", "ctxdlydm1seqr", "ctxdlydm2seqr", "multidlydmseqr",
            "dmsseqr", "dnmsseqr", "dmcseqr", "dnmcseqr", "goseql", "rtgoseql", "dlygoseql", "antiseql",
            "rtantiseql", "dlyantiseql", "dm1seql", "dm2seql", "ctxdm1seql", "ctxdm2seql", "multidmseql", "dlydm1seql",
            "dlydm2seql", "ctxdlydm1seql", "ctxdlydm2seql", "multidlydmseql", "dmsseql", "dnmsseql", "dmcseql", "dnmcseql");

    @Test
    void theProviderListsTheReadmesTasksInItsOrderThenTheWholeSet() {
        List<String> ids = new ModCogTasks().tasks().stream().map(TaskDescriptor::id).toList();
        assertEquals(82, README_ORDER.size());
        assertEquals(83, ids.size());
        for (int i = 0; i < 82; i++) assertEquals("modcog." + README_ORDER.get(i) + "-v0", ids.get(i));
        assertEquals("modcog.all-v0", ids.get(82));
    }

    /** With default parameters, as {@code neurogym check --tag modcog} runs it; no check may be skipped. */
    @TestFactory
    Stream<DynamicTest> everyTaskMeetsTheWholeContract() {
        return new ModCogTasks().tasks().stream().map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            for (CheckResult r : TaskContract.run(t, ContractOptions.defaults())) {
                assertEquals(CheckResult.Status.PASS, r.status(), r.check() + ": " + r.detail());
            }
        }));
    }

    @TestFactory
    Stream<DynamicNode> parameterVariantsMeetTheContract() {
        return Stream.of(
                variant("modcog.dmsintl-v0", Map.of("dim_ring", 8, "dt", 50)),
                variant("modcog.dlygoseqr-v0", Map.of("dim_ring", 4, "timing", Map.of("decision", 600))),
                variant("modcog.dlydm1intr-v0", Map.of("timing", Map.of("delay", List.of("uniform", List.of(300, 900))))));
    }

    private static DynamicNode variant(String id, Map<String, Object> params) {
        TaskDescriptor task = new ModCogTasks().tasks().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
        return DynamicContainer.dynamicContainer(id + " " + params,
                TaskContractTests.of(task, ContractOptions.defaults().withParams(params)));
    }
}
