package org.neurogym.tasks.timing;

import org.neurogym.api.StepResult;
import org.neurogym.api.TrialEnv;
import org.neurogym.api.param.ParamSpec;
import org.neurogym.api.param.Params;

/** What the interval-production tasks share: the graded reward around a target time. */
abstract class ProductionTask extends TrialEnv {

    /** The relative tolerance around the target interval ({@code prod_margin}). */
    protected final double prodMargin;

    ProductionTask(Params p) {
        super(p);
        prodMargin = p.getDouble("prod_margin");
    }

    /** The {@code prod_margin} parameter every production task declares (read here). */
    static ParamSpec prodMarginParam() {
        return ParamSpec.number("prod_margin", 0.2,
                "Relative tolerance around the target production time within which a go is rewarded.").min(0);
    }

    /**
     * The rule of the tasks with a fixation and a {@code production} period: a go while fixating
     * costs {@code abort} (the reference never ends the trial for it); a go during production ends
     * the trial, judged by the time since the end of period {@code from} against {@code target} ms.
     */
    protected final void fixateThenProduce(int action, StepResult out, String from, double target) {
        if (inPeriod("fixation") && action != 0) out.addReward(reward("abort"));
        if (inPeriod("production") && action == 1) {
            out.setNewTrial(true);
            out.addReward(judgeProduction(time() - endTime(from), target));
        }
    }

    /**
     * The reward of a go {@code produced} ms after the reference event when {@code target} ms were
     * due: within {@code prod_margin * target + 25} ms it earns {@code correct} scaled by
     * {@code (1 - error / tolerance)^1.5}, at least a tenth of it, and counts as correct; beyond, {@code fail}.
     */
    protected final double judgeProduction(double produced, double target) {
        double tolerance = prodMargin * target + 25;
        double error = Math.abs(produced - target);
        if (error > tolerance) return reward("fail");
        performance = 1;
        return Math.max(Math.pow(1.0 - error / tolerance, 1.5), 0.1) * reward("correct");
    }

    /** The expected length of {@code period} in steps, from its timing (for the tasks' expected trial lengths). */
    static double meanSteps(TrialEnv env, String period) {
        return env.timing().get(period).meanSteps(env.dt());
    }
}
