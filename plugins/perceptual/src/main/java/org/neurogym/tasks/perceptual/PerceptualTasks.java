package org.neurogym.tasks.perceptual;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The perceptual family's tasks. */
public final class PerceptualTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(
                PerceptualDecisionMaking.DESCRIPTOR,
                PerceptualDecisionMakingDelayResponse.DESCRIPTOR,
                PulseDecisionMaking.DESCRIPTOR,
                ContextDecisionMaking.DESCRIPTOR,
                MultiSensoryIntegration.DESCRIPTOR,
                HierarchicalReasoning.DESCRIPTOR,
                ProbabilisticReasoning.DESCRIPTOR,
                PostDecisionWager.DESCRIPTOR,
                Detection.DESCRIPTOR,
                ToneDetection.DESCRIPTOR,
                SpatialSuppressMotion.DESCRIPTOR,
                AnnubesEnv.DESCRIPTOR);
    }
}
