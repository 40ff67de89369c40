package org.neurogym.tasks.perceptual;

import org.neurogym.api.NeuroGymException;
import org.neurogym.api.StepResult;
import org.neurogym.api.Trial;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.ParameterException;
import org.neurogym.api.param.Params;
import org.neurogym.api.space.Box;
import org.neurogym.api.space.Channel;
import org.neurogym.api.space.Discrete;
import org.neurogym.api.spi.ContractExpectations;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.timing.Timing;

/**
 * Auditory tone detection (a human psychophysics version, without fixation): a short pure tone
 * may be embedded in background noise at one of three times; the target is "no tone" or the
 * tone's position. The task only labels: it gives no reward and ends trials by time.
 */
public final class ToneDetection extends TrialEnv {

    public static final TaskDescriptor DESCRIPTOR = TaskDescriptor.builder("ToneDetection-v0")
            .family("perceptual")
            .tags("auditory", "perceptual", "supervised", "decision")
            .description("A single noisy input may carry a brief tone at one of three onset times. The ground truth, "
                    + "for every step of the trial, is 0 for no tone or 1..3 for the tone's position. There is no "
                    + "fixation and no reward rule: the task is a supervised labelling (use the last step's output "
                    + "as the answer), and each trial ends when its stimulus period does.")
            .paper("Representation of Tones in Noise in the Responses of Auditory Nerve Fibers in Cats",
                    "https://www.jneurosci.org/content/jneuro/5/12/3261.full.pdf")
            .params(ParamSpec.dt(50),
                    ParamSpec.number("sigma", 0.2, "Standard deviation of the input noise, per sqrt(ms).").min(0),
                    ParamSpec.timing())
            // toneTiming and toneDur are timing entries but not periods: the trial is the stimulus period
            .contract(ContractExpectations.DEFAULT
                    .withExpectedMeanSteps(env -> env.expectedSteps("stimulus"))
                    .withoutOracle("no reward rule: the task only labels each step (no tone or the tone's position) "
                            + "and never sets performance"))
            .build(ToneDetection::new);

    private static final int POSITIONS = 3;

    private final double sigma;
    private final int[] toneOnset = new int[POSITIONS];
    private final int toneSteps;

    public ToneDetection(Params p) {
        super(p);
        sigma = p.getDouble("sigma") / Math.sqrt(dt);

        defineRewards(null, "abort", -0.1, "correct", 1.0, "noresp", -0.1); // declared, never given
        defineTiming(p, "stimulus", 2000, "toneTiming", new double[] {500, 1000, 1500}, "toneDur", 50);

        if (!(timing().get("stimulus") instanceof Timing.Constant stimulus)) {
            throw new ParameterException("timing.stimulus", "the stimulus duration must be a single number of ms");
        }
        int stimulusSteps = wholeSteps(stimulus.value());
        if (!(timing().get("toneDur") instanceof Timing.Constant toneDur)) {
            throw new ParameterException("timing.toneDur", "the tone duration must be a single number of ms");
        }
        // Deviation: a tone shorter than dt lasts one step (the reference refuses dt > toneDur).
        toneSteps = Math.max(1, wholeSteps(toneDur.value()));
        if (!(timing().get("toneTiming") instanceof Timing.Choice onsets) || onsets.values().length != POSITIONS) {
            throw new ParameterException("timing.toneTiming", "toneTiming must list exactly " + POSITIONS + " tone onsets in ms");
        }
        for (int i = 0; i < POSITIONS; i++) {
            toneOnset[i] = wholeSteps(onsets.values()[i]);
            if (toneOnset[i] >= stimulusSteps) {
                throw new ParameterException("timing.toneTiming", "tone onset " + onsets.values()[i]
                        + " ms is not inside the stimulus period of " + stimulus.value() + " ms");
            }
        }

        defineSpaces(Box.unbounded(1, Channel.of("stimulus", 0)),
                new Discrete(4, Channel.of("fixation", 0), Channel.range("choice", 1, 1 + POSITIONS)));
    }

    @Override
    protected void onNewTrial(Trial trial) {
        // the reference takes the condition as 'condition' and records it as 'ground_truth'
        int drawn = rng.integer(1 + POSITIONS);
        int condition = trial.has("condition") ? trial.getInt("condition") : trial.setDefault("ground_truth", drawn);
        if (condition < 0 || condition > POSITIONS) {
            throw new NeuroGymException("trial condition must be 0 (no tone) to " + POSITIONS + ", got " + condition);
        }
        trial.put("ground_truth", condition);

        addPeriods("stimulus");
        if (condition != 0) {
            float[] ob = ob();
            int from = periodStart("stimulus") + toneOnset[condition - 1];
            int to = Math.min(from + toneSteps, periodEnd("stimulus"));
            for (int t = from; t < to; t++) ob[t * observationSize()] = 1f;
        }
        addRandn(0, sigma, "stimulus");

        setGroundTruth(condition);
    }

    @Override
    protected void onStep(int action, StepResult out) {
        // no reward and no early end: the trial runs to the end of its stimulus period
    }
}
