package org.neurogym.tasks.perceptual;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.TaskDescriptor;

/**
 * Pulse-based accumulation: brief pulses appear on two sides in a series of bins; the agent
 * reports the side that pulsed more often.
 */
public final class PulseDecisionMaking extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("PulseDecisionMaking-v0")
            .family("perceptual")
            .tags("perceptual", "two-alternative", "supervised")
            .description("Discrete stimuli are presented briefly as pulses on two sides; the agent reports the side with more pulses.")
            .paper("Sources of noise during accumulation of evidence in unrestrained and voluntarily head-restrained rats",
                    "https://elifesciences.org/articles/11308")
            .params(ParamSpec.dt(10),
                    ParamSpec.rewards(),
                    ParamSpec.timing(),
                    ParamSpec.numbers("p_pulse", new double[] {0.3, 0.7}, "Pulse probability of each side (swapped at random each trial).").length(2).range(0, 1),
                    ParamSpec.integer("n_bin", 6, "Number of stimulus bins.").min(1))
            .build(PulseDecisionMaking::new);

    private final double[] pPulse;
    private final int nBin;
    private final String[] cues;
    private final String[] periods;

    public PulseDecisionMaking(Params p) {
        super(p);
        pPulse = p.getDoubles("p_pulse");
        nBin = p.getInt("n_bin");

        List<Object> timing = new ArrayList<>(List.of("fixation", 500, "decision", 500));
        List<String> order = new ArrayList<>(List.of("fixation"));
        cues = new String[nBin];
        for (int i = 0; i < nBin; i++) {
            cues[i] = "cue" + i;
            timing.addAll(List.of(cues[i], 10, "bin" + i, 240));
            order.addAll(List.of(cues[i], "bin" + i));
        }
        order.add("decision");
        periods = order.toArray(String[]::new);

        defineRewards(p, "abort", -0.1, "correct", 1.0, "fail", 0.0);
        defineTiming(p, timing.toArray());
        defineSpaces(
                Box.unbounded(3, Channel.of("fixation", 0), Channel.range("stimulus", 1, 3)),
                new Discrete(3, Channel.of("fixation", 0), Channel.range("choice", 1, 3)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        double p1 = pPulse[0];
        double p2 = pPulse[1];
        if (rng.uniform() < 0.5) {
            double swap = p1;
            p1 = p2;
            p2 = swap;
        }
        double[] pulse1 = new double[nBin];
        double[] pulse2 = new double[nBin];
        for (int i = 0; i < nBin; i++) pulse1[i] = rng.uniform() < p1 ? 1 : 0;
        for (int i = 0; i < nBin; i++) pulse2[i] = rng.uniform() < p2 ? 1 : 0;
        pulse1 = trial.setDefault("pulse1", pulse1);
        pulse2 = trial.setDefault("pulse2", pulse2);

        double n1 = 0;
        double n2 = rng.uniform(-0.1, 0.1); // breaks ties at random
        for (int i = 0; i < nBin; i++) {
            n1 += pulse1[i];
            n2 += pulse2[i];
        }
        int groundTruth = n1 < n2 ? 1 : 0;
        trial.put("ground_truth", groundTruth);

        addPeriods(periods);

        addOb(1, null, "fixation");
        for (int i = 0; i < nBin; i++) {
            addOb(pulse1[i], cues[i], 1);
            addOb(pulse2[i], cues[i], 2);
        }
        setOb(0, "decision");

        setGroundTruth(groundTruth, "decision", "choice");
    }

    @Override
    protected void onStep(int action, StepResult out) {
        judgeFixateThenDecide(action, out, FixationRule.UNTIL_DECISION, false);  // abort is always off in this task
    }
}
