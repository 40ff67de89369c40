package org.neurogym.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Validates {@code params} against the schema and wraps {@code env}. */
    public Env wrap(Env env, Map<String, ?> params) {
        return factory.wrap(env, Params.of(id, parameters, params));
    }
}
