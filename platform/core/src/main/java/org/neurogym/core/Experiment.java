package org.neurogym.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.NeuroGymException;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.core.config.ExperimentConfig;
import org.neurogym.core.config.WrapperConfig;
import org.neurogym.core.registry.TaskEntry;
import org.neurogym.core.registry.WrapperEntry;
import org.neurogym.core.registry.UnknownIdException;

/**
 * An experiment made into an env: the task of {@code [env]} with its parameters, the
 * {@code [[wrappers]]} innermost first and, when monitored, the Monitor of {@code [monitor]}
 * outermost. Values given explicitly (code, the CLI's flags) go over the file's: a task id,
 * parameters merged key by key, a wrapper list that replaces the file's. A problem with a value
 * the file wrote is a {@link org.neurogym.core.config.ConfigException} at its file, line and
 * column; a problem with an explicit value is thrown as the task or wrapper reported it.
 *
 * @param task the task made
 * @param params its parameters after merging
 * @param wrappers the wrappers applied, innermost first (the Monitor last, when applied)
 * @param env the env, wrapped
 */
public record Experiment(TaskEntry task, Map<String, Object> params, List<WrapperConfig> wrappers, Env env) {

    /** The id of the wrapper that [monitor] configures. */
    private static final String MONITOR = "Monitor";

    /** How an experiment is made from a file (or none) and explicit values; see {@link Host#experiment}. */
    public static final class Builder {
        private final Host host;
        private final ExperimentConfig file;
        private String taskId;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private List<WrapperConfig> wrappers;
        private boolean monitored;

        Builder(Host host, ExperimentConfig file) {
            this.host = host;
            this.file = file;
        }

        /** The task, instead of the file's {@code [env]} name (the file's parameters apply only to the same task). */
        public Builder task(String id) {
            this.taskId = id;
            return this;
        }

        /** Parameters over the file's, merged key by key into nested tables ({@code timing.stimulus}). */
        public Builder params(Map<String, ?> explicit) {
            params.putAll(Params.overlay(params, explicit));
            return this;
        }

        /** Wrappers, innermost first, instead of the file's {@code [[wrappers]]}. */
        public Builder wrappers(List<WrapperConfig> explicit) {
            this.wrappers = List.copyOf(explicit);
            return this;
        }

        /** Whether a {@code [monitor]} section wraps the env in the Monitor, outermost (default false). */
        public Builder monitored(boolean monitored) {
            this.monitored = monitored;
            return this;
        }

        public Experiment make() {
            String id = taskId;
            Map<String, Object> merged = new LinkedHashMap<>();
            if (file != null && file.env() != null) {
                if (id == null) id = file.env().name();
                if (sameTask(id, file.env().name())) merged.putAll(file.env().params());
            }
            if (id == null) {
                throw new IllegalArgumentException("no task given: name one (e.g. PerceptualDecisionMaking-v0) or give an experiment with an [env] name");
            }
            merged.putAll(Params.overlay(merged, params));
            TaskEntry entry = taskNamed(id);
            Env env = createTask(entry, merged);
            boolean fromFile = wrappers == null && file != null;
            List<WrapperConfig> applied = new ArrayList<>(wrappers != null ? wrappers : file != null ? file.wrappers() : List.of());
            for (int i = 0; i < applied.size(); i++) env = wrap(env, applied.get(i), fromFile ? i : -1);
            if (file != null && file.hasMonitor()) {
                Map<String, Object> monitor = monitorParams(entry.id());
                if (monitored) {
                    env = monitor(env, monitor);
                    applied.add(new WrapperConfig(MONITOR, monitor));
                } else {
                    checkMonitor(env, monitor);
                }
            }
            return new Experiment(entry, merged, List.copyOf(applied), env);
        }

        private boolean sameTask(String id, String fileTask) {
            return id.equals(fileTask) || host.registry().task(id).id().equals(taskNamed(fileTask).id());
        }

        /** The task {@code id}; when the file's [env] name is unknown, the error is at its file:line:col. */
        private TaskEntry taskNamed(String id) {
            try {
                return host.registry().task(id);
            } catch (UnknownIdException e) {
                if (file != null && file.env() != null && id.equals(file.env().name())) throw file.error("env.name", e.getMessage());
                throw e;
            }
        }

        private Env createTask(TaskEntry entry, Map<String, Object> merged) {
            try {
                return entry.descriptor().create(merged, host);
            } catch (ParameterException e) {
                String root = e.key().contains(".") ? e.key().substring(0, e.key().indexOf('.')) : e.key();
                if (file != null && file.env() != null && !params.containsKey(root) && file.env().params().containsKey(root)) {
                    throw file.error("env." + e.key(), e.getMessage());
                }
                throw e;
            }
        }

        /** Applies one wrapper; {@code fileIndex} is its place in the file's [[wrappers]], or -1 for an explicit one. */
        private Env wrap(Env env, WrapperConfig w, int fileIndex) {
            try {
                return host.wrap(env, w.name(), w.params());
            } catch (ParameterException e) {
                env.close();
                if (fileIndex >= 0) throw file.wrapperError(fileIndex, e.key(), e.getMessage());
                throw e;
            } catch (UnknownIdException e) {
                env.close();
                if (fileIndex >= 0) throw file.wrapperError(fileIndex, "name", e.getMessage());
                throw e;
            } catch (NeuroGymException e) {
                env.close();
                // a wrapper that cannot apply to this task is a usage error
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (RuntimeException e) {
                env.close();
                throw e;
            }
        }

        private Env monitor(Env env, Map<String, Object> monitor) {
            try {
                return host.wrap(env, MONITOR, monitor);
            } catch (UnknownIdException e) {
                env.close();
                throw file.error("monitor", "[monitor] needs the Monitor wrapper, from the monitor plugin: " + e.getMessage());
            } catch (ParameterException e) {
                env.close();
                throw file.error("monitor." + e.key(), e.getMessage());
            }
        }

        /**
         * Without the Monitor applied, the [monitor] section is still checked against the Monitor's
         * parameter schema (its descriptor), when the monitor plugin is loaded: names, types and
         * declared ranges, at the file's line and column.
         */
        private void checkMonitor(Env env, Map<String, Object> monitor) {
            WrapperEntry entry = host.registry().wrappers().stream().filter(w -> w.descriptor().id().equals(MONITOR)).findFirst().orElse(null);
            if (entry == null) return;
            try {
                Params.of(MONITOR, entry.descriptor().parameters(), monitor);
            } catch (ParameterException e) {
                env.close();
                throw file.error("monitor." + e.key(), e.getMessage());
            }
        }

        /**
         * The Monitor wrapper's parameters: the experiment's local_dir and the task's id (as the
         * output directory's name), then the file's [monitor] section as written, whose keys the
         * Monitor's own descriptor checks.
         */
        private Map<String, Object> monitorParams(String envName) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("local_dir", file.localDir());
            p.put("env_name", envName);
            p.putAll(file.monitor());
            return p;
        }
    }
}
