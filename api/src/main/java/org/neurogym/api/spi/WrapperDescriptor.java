package org.neurogym.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.neurogym.api.Choices;
import org.neurogym.api.Env;
import org.neurogym.api.Recipe;
import org.neurogym.api.TrialBased;
import org.neurogym.api.space.Box;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;

/**
 * Everything the host knows of a wrapper: id (e.g. {@code PassReward}), family, description,
 * paper, parameters, the envs it accepts, and its factory.
 *
 * @param accepts which envs the wrapper can wrap: the wrapper contract wraps every task it
 *                accepts (and expects a one-line refusal from every other)
 * @param contract what the wrapper contract needs to know to try the wrapper
 */
public record WrapperDescriptor(String id, String family, String description, String paperName, String paperLink,
                                List<ParamSpec> parameters, Accepts accepts, Contract contract, WrapperFactory factory) {

    /** Which envs a wrapper accepts, in words (for {@code info} and the contract's messages) and as a test. */
    public record Accepts(String description, Predicate<Env> test) {
        /** Any env. */
        public static final Accepts ANY = new Accepts("any env", env -> true);

        /** Envs with trials (a task, or wrappers over one), whatever their observations: for wrappers that change only trials' facts. */
        public static final Accepts TRIALS = new Accepts("trial-based envs", env -> TrialBased.nearest(env) != null);

        /** Envs with trials (a task, or wrappers over one) and 1-D Box observations. */
        public static final Accepts TRIAL_BASED = new Accepts("trial-based envs with 1-D Box observations",
                env -> TrialBased.nearest(env) != null && env.observationSpace() instanceof Box b && b.shape().length == 1);

        /** Trial-based envs whose tasks declare their choices, alike ({@link Choices#of}). */
        public static final Accepts CHOICES = new Accepts("trial-based envs whose tasks declare their choices",
                Choices::declared);

        public Accepts {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(test, "test");
        }

        public boolean test(Env env) {
            return test.test(env);
        }
    }

    /**
     * What the wrapper contract needs to try the wrapper.
     *
     * @param params the parameters to wrap a task with (by task id and env), e.g. a bias matrix sized to its choices
     * @param liveChannels appended channels whose stepped values are not in the trial matrices (the last reward)
     */
    public record Contract(BiFunction<String, Env, Map<String, ?>> params, List<String> liveChannels) {
        /** No parameters, no live channels. */
        public static final Contract DEFAULT = new Contract((id, env) -> Map.of(), List.of());

        public Contract {
            Objects.requireNonNull(params, "params");
            liveChannels = List.copyOf(liveChannels);
        }
    }

    public WrapperDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(factory, "factory of " + id);
        family = family == null ? "" : family;
        description = description == null ? "" : description;
        paperName = paperName == null ? "" : paperName;
        paperLink = paperLink == null ? "" : paperLink;
        parameters = List.copyOf(parameters);
        accepts = accepts == null ? Accepts.ANY : accepts;
        contract = contract == null ? Contract.DEFAULT : contract;
    }

    public WrapperDescriptor(String id, String description, List<ParamSpec> parameters, WrapperFactory factory) {
        this(id, "", description, "", "", parameters, Accepts.ANY, Contract.DEFAULT, factory);
    }

    /** A descriptor for a wrapper that needs only the env and its parameters (usually a constructor reference). */
    public static WrapperDescriptor of(String id, String description, List<ParamSpec> parameters,
                                       BiFunction<Env, Params, ? extends Env> factory) {
        return new WrapperDescriptor(id, description, parameters, (env, params, maker) -> factory.apply(env, params));
    }

    /** Validates {@code params} against the schema and wraps {@code env}; {@code maker} makes any further tasks. */
    public Env wrap(Env env, Map<String, ?> params, EnvMaker maker) {
        Env made = factory.wrap(env, Params.of(id, parameters, params), maker);
        if (made == env) return made; // a wrapper that had nothing to do: the env keeps its own recipe
        return new Recipe(id, false, Recipe.copy(params), (inner, again) -> wrap(inner, again, maker)).recordOn(made);
    }

    /** Wraps outside a host: wrappers that make further tasks will refuse. */
    public Env wrap(Env env, Map<String, ?> params) {
        return wrap(env, params, EnvMaker.NONE);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a descriptor in the order a wrapper's documentation reads, like {@link TaskDescriptor#builder}. */
    public static final class Builder extends DescriptorBuilder<Builder> {
        private Accepts accepts = Accepts.ANY;
        private Contract contract = Contract.DEFAULT;

        private Builder(String id) {
            super(id);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Declares which envs the wrapper accepts ({@link Accepts#ANY} by default). */
        public Builder accepts(Accepts accepts) {
            this.accepts = accepts;
            return this;
        }

        /** Declares which envs the wrapper accepts, in words and as a test. */
        public Builder accepts(String description, Predicate<Env> test) {
            return accepts(new Accepts(description, test));
        }

        /** The parameters the wrapper contract wraps a task with (by task id and env); none by default. */
        public Builder contractParams(BiFunction<String, Env, Map<String, ?>> params) {
            this.contract = new Contract(params, contract.liveChannels());
            return this;
        }

        /** Appended channels whose stepped values the trial matrices cannot hold (what the agent did or got). */
        public Builder liveChannels(String... channels) {
            this.contract = new Contract(contract.params(), List.of(channels));
            return this;
        }

        /** A factory that makes further tasks through the host's {@link EnvMaker} (schedules of envs). */
        public WrapperDescriptor factory(WrapperFactory factory) {
            return new WrapperDescriptor(id, family, description, paperName, paperLink, parameters, accepts, contract, factory);
        }

        /** A factory of the env and its parameters, usually a constructor reference. */
        public WrapperDescriptor build(BiFunction<Env, Params, ? extends Env> factory) {
            return factory((env, params, maker) -> factory.apply(env, params));
        }
    }
}
