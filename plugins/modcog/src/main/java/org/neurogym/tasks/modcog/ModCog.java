package org.neurogym.tasks.modcog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.tasks.collections.yang19.Yang19;

/**
 * The Mod-Cog set (Khona, Chandra et al. 2022): the twenty yang19 tasks, the eleven with a delay
 * extended by "int" (a delay-dependent rotation, clockwise "r" or counter-clockwise "l") and all
 * twenty extended by "seq" (an answer that moves around the ring during the decision): 82 tasks.
 * Each is the collections plugin's yang19 task, with Mod-Cog's timings, under {@link RingExtension}.
 */
public final class ModCog {
    public static final String FAMILY = "modcog";
    public static final String PAPER_NAME =
            "Winning the lottery with neurobiology: faster learning on many cognitive tasks with fixed sparse RNNs";
    public static final String PAPER_LINK = "https://arxiv.org/abs/2207.03523";

    /** The tasks with a delay period, which take the "int" extension, in the order of Mod-Cog's README. */
    private static final List<String> DELAYED = List.of("dlygo", "dlyanti", "dlydm1", "dlydm2", "ctxdlydm1", "ctxdlydm2",
            "multidlydm", "dms", "dnms", "dmc", "dnmc");

    private static final List<TaskDescriptor> TASKS = build();

    private ModCog() {}

    /** The 82 tasks in the order of Mod-Cog's README (the order of the rule inputs of {@code modcog.all-v0}). */
    public static List<TaskDescriptor> tasks() {
        return TASKS;
    }

    private static List<TaskDescriptor> build() {
        Map<String, TaskDescriptor> yang19 = new LinkedHashMap<>();
        for (TaskDescriptor d : Yang19.tasks()) yang19.put(d.name().substring("yang19.".length()), d);
        List<Extension> extensions = new ArrayList<>();
        for (String base : yang19.keySet()) extensions.add(Extension.of(base, 0, 0));
        for (String base : DELAYED) {
            extensions.add(Extension.of(base, 1, 0));
            extensions.add(Extension.of(base, -1, 0));
        }
        for (int seq : new int[] {1, -1}) {
            for (String base : yang19.keySet()) extensions.add(Extension.of(base, 0, seq));
        }
        return extensions.stream().map(x -> descriptor(x, yang19.get(x.base()))).toList();
    }

    private static TaskDescriptor descriptor(Extension x, TaskDescriptor base) {
        String[] tags = Stream.concat(Stream.of("modcog"),
                Stream.concat(base.tags().stream().filter(t -> !t.equals("yang19")),
                        x.integrate() != 0 ? Stream.of("int") : x.seq() != 0 ? Stream.of("seq") : Stream.empty())).toArray(String[]::new);
        return TaskDescriptor.builder("modcog." + x.name() + "-v0")
                .family(FAMILY)
                .tags(tags)
                .description("Mod-Cog " + x.name() + ": yang19 " + x.base() + " (" + base.description() + ")" + what(x))
                .paper(PAPER_NAME, PAPER_LINK)
                .params(base.parameters().toArray(ParamSpec[]::new))
                .contract(base.contract())
                .factory(p -> make(base, x, p));
    }

    private static String what(Extension x) {
        String dir = (x.integrate() + x.seq()) > 0 ? "clockwise (increasing direction index)" : "counter-clockwise";
        if (x.integrate() != 0 && x.family() == Extension.Family.REACH) {
            return " Int: the delay is 0 to 1100 ms (steps of 100) and the stimulus is shown rotated " + dir
                    + " by 0.01 rad per ms of delay; the answer is the unrotated direction.";
        }
        if (x.integrate() != 0) {
            return " Int: the answer is rotated " + dir + " by one ring step per 100 ms of delay ("
                    + (x.family() == Extension.Family.MATCH ? "0 to 1100 ms" : "500 ms") + ").";
        }
        if (x.seq() != 0) {
            return " Seq: during the decision" + (x.base().startsWith("rt") ? "" : " (1000 ms)") + " the answer moves " + dir
                    + " by one ring step per 100 ms; an answer is judged against the direction due at its step.";
        }
        return switch (x.family()) {
            case MATCH -> " Mod-Cog's timing: a delay of 200 to 1200 ms drawn per trial.";
            case DECISION -> x.base().contains("dly") ? " Mod-Cog's timing: a 500 ms delay."
                    : x.base().equals("dm1") ? " Mod-Cog's timing: a 500 ms stimulus." : " Timing as yang19.";
            case REACH -> " Timing as yang19.";
        };
    }

    /** The yang19 task with Mod-Cog's timing under the caller's, extended. */
    private static Env make(TaskDescriptor base, Extension x, Params p) {
        Map<String, Object> raw = new LinkedHashMap<>(p.asMap());
        Map<String, Object> timing = new LinkedHashMap<>(x.timing());
        p.getTiming("timing").forEach((k, v) -> timing.put(k, v.toValue()));
        raw.put("timing", timing);
        Env task = base.create(raw);
        return x.plain() ? task : new RingExtension(task, x);
    }
}
