package org.neurogym.tasks.visual;

import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The visual family: the reference's psychopy tasks, as uint8 pixel observations drawn with Java2D. */
public final class VisualTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        return List.of(RandomDotMotion.DESCRIPTOR, VisualSearch.DESCRIPTOR, SpatialSuppressMotionPixels.DESCRIPTOR);
    }
}
