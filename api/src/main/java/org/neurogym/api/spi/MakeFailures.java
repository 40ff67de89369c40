package org.neurogym.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.neurogym.api.Env;
import org.neurogym.api.TrialBased;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParamType;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;

/**
 * Makes a task so that whatever goes wrong because of the values a caller gave is a
 * {@link ParameterException} naming them, in one line, at make time: a task's defaults make a
 * working task (the contract checks it), so a failure with given values is theirs to answer for.
 *
 * <ul>
 * <li>With values given, the first {@value #PROBE_TRIALS} trials of a throwaway copy are built too, so a value that breaks
 * trials (an empty list, a dt longer than every period actually used, a gain that makes a period
 * enormous) fails here rather than at the first reset. The probe is seeded, so its outcome depends
 * only on the task and the values: once a set of values has passed it, later makes of the same task
 * with the same values (a vector env's copies, a dataset's workers, every Monitor run) skip it.
 * <li>A ParameterException naming another key (a period of the timing the task derived from the
 * value, a derived size), with a single value given, is re-keyed to that value, unless its
 * message names the value given (a task blaming a partner parameter on purpose).
 * <li>Any other failure with values given becomes "cannot be made with KEY=VALUE: reason".
 * <li>Running out of memory names the largest number given.
 * </ul>
 */
final class MakeFailures {
    /** Trials of the throwaway copy built when values are given. */
    static final int PROBE_TRIALS = 20;

    /**
     * The values whose probe passed, by the factory of the task (weakly, so an unloaded plugin's
     * factory is not kept alive), at most {@value #REMEMBERED} sets per task, oldest forgotten first.
     */
    private static final Map<Object, Set<Map<String, Object>>> PASSED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int REMEMBERED = 64;

    private MakeFailures() {}

    /** @param task identifies the task for remembering probes that passed (its factory) */
    static Env make(String id, List<ParamSpec> schema, Params p, Object task, java.util.function.Function<Params, Env> factory) {
        List<String> given = givenKeys(schema, p);
        Env env = null;
        try {
            env = factory.apply(p);
            if (!given.isEmpty() && !passed(task, p.asMap())) {
                try (Env copy = factory.apply(p)) {
                    copy.reset(0);
                    // a value may break only some trials (a dt longer than every period of a short trial)
                    TrialBased trials = TrialBased.nearest(copy); // a composed task's parts may sit under any wrapper
                    if (trials != null) {
                        for (int i = 1; i < PROBE_TRIALS; i++) trials.newTrial(Map.of());
                    }
                }
                remember(task, p.asMap());
            }
            return env;
        } catch (OutOfMemoryError | NegativeArraySizeException e) {
            closeQuietly(env);
            throw tooLarge(id, schema, p);
        } catch (ParameterException e) {
            closeQuietly(env);
            // a task may blame a partner parameter on purpose, naming the value given in its message
            // ("p needs one probability per arm (n = 3)"); otherwise the value given is what to change
            boolean blamed = given.size() != 1 || names(e.key(), given.get(0)) || mentions(e.getMessage(), given.get(0));
            throw blamed ? e : new ParameterException(given.get(0), e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(env);
            if (given.isEmpty()) throw e;
            List<String> shown = new ArrayList<>();
            for (String k : given) shown.add(k + "=" + ParamType.plain(valueOf(p, k)));
            throw new ParameterException(given.size() == 1 ? given.get(0) : "", id + " cannot be made with " + String.join(", ", shown)
                    + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }

    private static boolean passed(Object task, Map<String, Object> values) {
        Set<Map<String, Object>> s = PASSED.get(task);
        if (s == null) return false;
        synchronized (s) {
            return s.contains(values);
        }
    }

    private static void remember(Object task, Map<String, Object> values) {
        Set<Map<String, Object>> s = PASSED.computeIfAbsent(task, k -> new LinkedHashSet<>());
        synchronized (s) {
            if (s.size() >= REMEMBERED) s.remove(s.iterator().next());
            s.add(values);
        }
    }

    /** The keys the caller gave: a parameter's name, or name.entry for each entry of a table given (timing.stimulus). */
    static List<String> givenKeys(List<ParamSpec> schema, Params p) {
        List<String> out = new ArrayList<>();
        for (ParamSpec s : schema) {
            if (!p.isGiven(s.name())) continue;
            if (p.get(s.name()) instanceof Map<?, ?> table && !table.isEmpty()) {
                for (Object k : table.keySet()) out.add(s.name() + "." + k);
            } else {
                out.add(s.name());
            }
        }
        return out;
    }

    /** True when {@code key} is the value given, lies inside it, or is the table it was given in. */
    private static boolean names(String key, String given) {
        return key != null && (key.equals(given) || key.startsWith(given + ".") || key.startsWith(given + "[")
                || given.startsWith(key + "."));
    }

    private static boolean mentions(String message, String key) {
        return message != null && java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(key) + "\\b").matcher(message).find();
    }

    private static Object valueOf(Params p, String key) {
        int dot = key.indexOf('.');
        if (dot < 0 || p.schema().containsKey(key)) return p.get(key);
        return ((Map<?, ?>) p.get(key.substring(0, dot))).get(key.substring(dot + 1));
    }

    private static ParameterException tooLarge(String id, List<ParamSpec> schema, Params p) {
        String key = null;
        double largest = -1;
        for (ParamSpec s : schema) {
            if (!p.isGiven(s.name()) || !(p.get(s.name()) instanceof Number n)) continue;
            if (Math.abs(n.doubleValue()) > largest) {
                largest = Math.abs(n.doubleValue());
                key = s.name();
            }
        }
        String heap = Runtime.getRuntime().maxMemory() / (1 << 20) + " MB";
        if (key == null) return new ParameterException("", id + ": its parameters ask for more memory than the heap (" + heap + ") holds");
        return new ParameterException(key, id + ": " + key + " = " + p.get(key) + " asks for more memory than the heap (" + heap
                + ") holds; reduce it");
    }

    private static void closeQuietly(Env env) {
        if (env == null) return;
        try {
            env.close();
        } catch (RuntimeException ignored) {
            // the failure being reported matters more
        }
    }
}
