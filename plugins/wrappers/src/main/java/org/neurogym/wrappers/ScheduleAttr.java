package org.neurogym.wrappers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.TrialWrapper;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.wrapper.Schedule;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Imposes trial facts from a list of attribute sets, one set per trial, chosen by a schedule:
 * {@code attr_list = [{coh = 0}, {coh = 51.2}]} with {@code schedule = "Sequential"} alternates
 * the coherence. The schedule restarts at every reset.
 */
public final class ScheduleAttr extends TrialWrapper {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("ScheduleAttr").family("schedule")
            .description("Imposes trial facts from attr_list (a list of tables of facts), one table per trial chosen by the schedule "
                    + "(" + String.join(", ", Schedule.NAMES) + "; block schedules take block_lens).")
            .params(ParamSpec.required("schedule", ParamType.STRING, "Schedule name: " + String.join(", ", Schedule.NAMES) + "."),
                    ParamSpec.optional("block_lens", ParamType.INTEGER_LIST, "Trials per block of each condition (block schedules only)."),
                    ParamSpec.required("attr_list", ParamType.ANY, "List of tables of trial facts, one per condition."))
            .accepts(Accepts.TRIALS)
            .contractParams((id, env) -> Map.of("schedule", "Random", "attr_list", List.of(Map.of(), Map.of())))
            .build(ScheduleAttr::new);

    private final Schedule schedule;
    private final List<Map<String, Object>> attrs = new ArrayList<>();

    public ScheduleAttr(Env env, Schedule schedule, List<? extends Map<String, ?>> attrList) {
        super(env, () -> {
            if (attrList.size() != schedule.size()) {
                throw new ParameterException("attr_list", "ScheduleAttr: the schedule has " + schedule.size()
                        + " conditions but attr_list has " + attrList.size());
            }
        });
        for (Map<String, ?> m : attrList) attrs.add(new LinkedHashMap<>(m));
        this.schedule = schedule;
    }

    public ScheduleAttr(Env env, Params params) {
        this(env, Schedule.fromParams(params, parseAttrs(params.get("attr_list")).size()), parseAttrs(params.get("attr_list")));
    }

    static List<Map<String, Object>> parseAttrs(Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new ParameterException("attr_list", "ScheduleAttr: attr_list must be a non-empty list of tables of trial facts, got " + v);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ParameterException("attr_list[" + i + "]", "ScheduleAttr: attr_list[" + i + "] must be a table of trial facts, got " + list.get(i));
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            m.forEach((k, x) -> facts.put(String.valueOf(k), x));
            out.add(facts);
        }
        return out;
    }

    /** The schedule (for inspection). */
    public Schedule schedule() {
        return schedule;
    }

    @Override
    protected void onReset() {
        schedule.restart(rng());
    }

    @Override
    protected Map<String, ?> trialFacts(Map<String, ?> given) {
        Map<String, Object> imposed = new HashMap<>(given);
        imposed.putAll(attrs.get(schedule.next()));
        return imposed;
    }
}
