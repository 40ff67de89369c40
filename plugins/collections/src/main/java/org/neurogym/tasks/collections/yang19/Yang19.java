package org.neurogym.tasks.collections.yang19;

import java.util.List;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.spi.TaskDescriptor;

/** The Yang et al. (2019) multitask collection: its twenty tasks in the paper's order. */
public final class Yang19 {
    public static final String FAMILY = "collections";
    public static final String PAPER_NAME = "Task representations in neural networks trained to perform many cognitive tasks";
    public static final String PAPER_LINK = "https://www.nature.com/articles/s41593-018-0310-2";

    private Yang19() {}

    /** The twenty tasks, in the order of the reference's collection (the order of the rule inputs). */
    public static List<TaskDescriptor> tasks() {
        return List.of(
                Reach.GO, Reach.RTGO, Reach.DLYGO, Reach.ANTI, Reach.RTANTI, Reach.DLYANTI,
                DecisionMaking.DM1, DecisionMaking.DM2, DecisionMaking.CTXDM1, DecisionMaking.CTXDM2, DecisionMaking.MULTIDM,
                DecisionMaking.DLYDM1, DecisionMaking.DLYDM2, DecisionMaking.CTXDLYDM1, DecisionMaking.CTXDLYDM2,
                DecisionMaking.MULTIDLYDM,
                DelayMatch.DMS, DelayMatch.DNMS, DelayMatch.DMC, DelayMatch.DNMC);
    }

    /** The ids of the twenty tasks, in order. */
    public static List<String> ids() {
        return tasks().stream().map(TaskDescriptor::id).toList();
    }

    static boolean asBoolean(Object v, String key) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        throw new NeuroGymException("trial fact '" + key + "' must be a boolean, got " + v);
    }
}
