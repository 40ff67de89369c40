package org.neurogym.wrappers;

import java.util.List;
import java.util.Map;
import org.neurogym.api.Env;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperDescriptor.Accepts;

/**
 * Holds several envs and runs trials from the one chosen by {@link #setEnv(int)} (env 0, the
 * wrapped env, until then). A change takes effect when the next trial starts, so a trial is never
 * split between envs. With {@code env_input} the observation names the current env in a one-hot
 * channel {@code env}.
 */
public final class MultiEnvs extends EnvSwitcher {
    public static final WrapperDescriptor DESCRIPTOR = WrapperDescriptor.builder("MultiEnvs").family("schedule")
            .description("Holds several envs (the wrapped env first, then the tasks named in envs) and runs trials from the one chosen "
                    + "with setEnv(i), from the next trial on. env_input adds a one-hot channel 'env' naming the current env.")
            .params(ENVS, ENV_INPUT)
            .accepts(Accepts.TRIAL_BASED)
            .contractParams((id, env) -> Map.of("envs", List.of(id), "env_input", !hasEnvChannel(env)))
            .factory((env, params, maker) -> new MultiEnvs(env, makeEnvs("MultiEnvs", params.get("envs"), maker),
                    params.getBoolean("env_input")));

    private int chosen;

    public MultiEnvs(Env env, List<? extends Env> others, boolean envInput) {
        super("MultiEnvs", env, others, envInput);
    }

    /** Runs trials of env {@code index} from the next trial on (and after resets). */
    public void setEnv(int index) {
        setNext(index);
        chosen = index;
    }

    @Override
    protected int chooseFirst() {
        return chosen;
    }

    @Override
    protected int chooseNext() {
        return chosen;
    }
}
