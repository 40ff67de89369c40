package org.neurogym.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.neurogym.api.Env;
import org.neurogym.api.Recipe;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;

/**
 * Everything the host knows of a task without running it: id ({@code Name-v0}), family, tags,
 * description, paper, parameter schema, and the factory that makes it.
 */
public record TaskDescriptor(String id, String family, List<String> tags, String description,
                             String paperName, String paperLink, List<ParamSpec> parameters, EnvFactory factory,
                             ContractExpectations contract) {

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*-v[0-9]+");

    public TaskDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("task id '" + id + "' must look like Name-v0");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(factory, "factory of " + id);
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        description = description == null ? "" : description;
        paperName = paperName == null ? "" : paperName;
        paperLink = paperLink == null ? "" : paperLink;
        contract = contract == null ? ContractExpectations.DEFAULT : contract;
    }

    public TaskDescriptor(String id, String family, List<String> tags, String description,
                          String paperName, String paperLink, List<ParamSpec> parameters, EnvFactory factory) {
        this(id, family, tags, description, paperName, paperLink, parameters, factory, ContractExpectations.DEFAULT);
    }

    /** The id without its version suffix. */
    public String name() {
        return id.substring(0, id.lastIndexOf("-v"));
    }

    /** The version number in the id. */
    public int version() {
        return Integer.parseInt(id.substring(id.lastIndexOf("-v") + 2));
    }

    /**
     * Validates {@code params} against the schema and makes the env; {@code maker} (the host) makes
     * the parts of a composed task. Whatever goes wrong because of the values given (including the
     * first trials, built on a throwaway copy when values are given, and running out of memory) is
     * a {@link org.neurogym.api.param.ParameterException} naming them; see {@link MakeFailures}.
     */
    public Env create(Map<String, ?> params, EnvMaker maker) {
        Env made = MakeFailures.make(id, parameters, Params.of(id, parameters, params), factory, p -> factory.create(p, maker));
        return new Recipe(id, true, Recipe.copy(params), (inner, again) -> create(again, maker)).recordOn(made);
    }

    /** Makes the env outside a host: a composed task refuses, naming its first part. */
    public Env create(Map<String, ?> params) {
        return create(params, EnvMaker.NONE);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a descriptor in the order a task's documentation reads. */
    public static final class Builder extends DescriptorBuilder<Builder> {
        private final List<String> tags = new ArrayList<>();
        private ContractExpectations contract = ContractExpectations.DEFAULT;

        private Builder(String id) {
            super(id);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        /** Declares what the task contract may expect (see {@link ContractExpectations}). */
        public Builder contract(ContractExpectations contract) {
            this.contract = contract;
            return this;
        }

        public TaskDescriptor factory(EnvFactory factory) {
            return new TaskDescriptor(id, family, tags, description, paperName, paperLink, parameters, factory, contract);
        }

        /**
         * A task composed of other tasks and wrappers, made by id through the host's {@link EnvMaker}:
         * e.g. {@code (p, maker) -> maker.wrap(maker.make("PerceptualDecisionMaking-v0", p.asMap()), "ReactionTime", Map.of())}.
         */
        public TaskDescriptor compose(EnvFactory.Composition composition) {
            return factory(EnvFactory.composed(composition));
        }

        /** For factories typed to a subclass of Env. */
        public TaskDescriptor build(java.util.function.Function<Params, ? extends Env> factory) {
            return factory(factory::apply);
        }
    }
}
