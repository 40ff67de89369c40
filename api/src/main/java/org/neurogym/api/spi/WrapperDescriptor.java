package org.neurogym.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.neurogym.api.Env;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;

/** Everything the host knows of a wrapper: id (e.g. {@code PassReward}), description, parameters, factory. */
public record WrapperDescriptor(String id, String description, List<ParamSpec> parameters, WrapperFactory factory) {
    public WrapperDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(factory, "factory of " + id);
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
    }

    /** A descriptor for a wrapper that needs only the env and its parameters (usually a constructor reference). */
    public static WrapperDescriptor of(String id, String description, List<ParamSpec> parameters,
                                       BiFunction<Env, Params, ? extends Env> factory) {
        return new WrapperDescriptor(id, description, parameters, (env, params, maker) -> factory.apply(env, params));
    }

    /** Validates {@code params} against the schema and wraps {@code env}; {@code maker} makes any further tasks. */
    public Env wrap(Env env, Map<String, ?> params, EnvMaker maker) {
        return factory.wrap(env, Params.of(id, parameters, params), maker);
    }

    /** Wraps outside a host: wrappers that make further tasks will refuse. */
    public Env wrap(Env env, Map<String, ?> params) {
        return wrap(env, params, EnvMaker.NONE);
    }
}
