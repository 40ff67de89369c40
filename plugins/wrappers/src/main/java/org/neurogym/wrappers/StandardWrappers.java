package org.neurogym.wrappers;

import java.util.List;
import org.neurogym.api.spi.WrapperDescriptor;
import org.neurogym.api.spi.WrapperProvider;

/** The standard wrappers of NeuroGym. */
public final class StandardWrappers implements WrapperProvider {
    @Override
    public List<WrapperDescriptor> wrappers() {
        return List.of(
                Noise.DESCRIPTOR,
                PoissonSpikes.DESCRIPTOR,
                PassReward.DESCRIPTOR,
                PassAction.DESCRIPTOR,
                ReactionTime.DESCRIPTOR,
                SideBias.DESCRIPTOR,
                RandomGroundTruth.DESCRIPTOR,
                TrialHistory.DESCRIPTOR,
                ScheduleAttr.DESCRIPTOR,
                ScheduleEnvs.DESCRIPTOR,
                MultiEnvs.DESCRIPTOR,
                Curriculum.DESCRIPTOR);
    }
}
