package org.neurogym.cli;

import org.neurogym.api.Env;
import org.neurogym.api.agent.Agent;
import org.neurogym.api.agent.Agents;
import org.neurogym.api.space.Discrete;
import org.neurogym.plot.psychometric.ThresholdAgent;

/** The {@code --agent} values of {@code run}, {@code plot} and {@code psychometric}: random, oracle, fixed:K, threshold[:W]. */
final class AgentSpec {
    private AgentSpec() {}

    static final String HELP = "random, oracle (acts the ground truth), fixed:K (always action K) or threshold[:W] "
            + "(chooses by the sign of the last W noisy evidence samples; two-choice tasks)";

    static Agent make(String spec, Env env, long seed) {
        if (spec.equals("random")) return Agents.random(env.actionSpace(), seed);
        if (spec.equals("oracle")) return Agents.oracle(env);
        if (spec.startsWith("fixed:")) {
            int k = integer(spec, spec.substring(6), "fixed:K needs an integer action");
            if (!(env.actionSpace() instanceof Discrete d) || !d.contains(k)) {
                throw new IllegalArgumentException("--agent " + spec + ": action " + k + " is outside " + env.actionSpace());
            }
            return Agents.fixed(k);
        }
        if (spec.equals("threshold") || spec.startsWith("threshold:")) {
            int w = spec.equals("threshold") ? 1 : integer(spec, spec.substring(10), "threshold:W needs a positive window");
            if (w <= 0) throw new IllegalArgumentException("--agent " + spec + ": threshold:W needs a positive window, got " + w);
            try {
                return new ThresholdAgent(env.observationSpace(), env.actionSpace(), w, seed);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--agent " + spec + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("--agent must be random, oracle, fixed:K or threshold[:W], got '" + spec + "'");
    }

    private static int integer(String spec, String text, String problem) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--agent " + spec + ": " + problem + ", got '" + text + "'");
        }
    }
}
