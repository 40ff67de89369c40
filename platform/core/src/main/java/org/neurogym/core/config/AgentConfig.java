package org.neurogym.core.config;

/** The {@code [agent]} section: how long to train ({@code [agent.training]}) and to run inference ({@code [agent.inference]}). */
public record AgentConfig(Run training, Run inference) {
    public static final AgentConfig DEFAULTS = new AgentConfig(new Run("trial", 100), new Run("step", 10_000));

    /** A duration: {@code value} trials or steps ({@code unit}). */
    public record Run(String unit, long value) {}
}
