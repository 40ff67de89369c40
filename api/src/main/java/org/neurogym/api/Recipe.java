package org.neurogym.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one layer of an env stack was made: the id of the task or wrapper, the parameters given to
 * its descriptor, and how to make the layer again with other parameters. The descriptors record it
 * on what they make ({@link TrialEnv#recipe()}, {@link Wrapper#recipe()}), so that a wrapper can
 * rebuild the stack below it with some parameters changed (a curriculum's stages) without knowing
 * the host.
 *
 * @param id the task or wrapper id
 * @param task true for a task (the bottom of a stack; {@link #remake} ignores {@code inner})
 * @param params the parameters as given, before defaults (nested tables as maps)
 */
public record Recipe(String id, boolean task, Map<String, Object> params, Remake remake) {
    /** Makes a layer again: a task from {@code params}, a wrapper over {@code inner} with {@code params}. */
    @FunctionalInterface
    public interface Remake {
        Env make(Env inner, Map<String, ?> params);
    }

    public Recipe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(remake, "remake");
        params = Collections.unmodifiableMap(copy(params));
    }

    /** A copy of parameters as given ({@code null} for none), for a recipe. */
    public static Map<String, Object> copy(Map<String, ?> params) {
        return params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
    }

    /** Records this recipe on {@code made} when it is a task or a wrapper (other envs cannot be remade); returns it. */
    public Env recordOn(Env made) {
        if (made instanceof TrialEnv t) t.setRecipe(this);
        else if (made instanceof Wrapper w) w.setRecipe(this);
        return made;
    }

    /** The layer made again with {@code params} over {@code inner} (null for a task). */
    public Env make(Env inner, Map<String, ?> params) {
        return remake.make(inner, params);
    }
}
