package org.neurogym.tasks.collections;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;
import org.neurogym.tasks.collections.perceptual.PerceptualCollection;
import org.neurogym.tasks.collections.yang19.AllTasks;
import org.neurogym.tasks.collections.yang19.Yang19;

/**
 * The collections' tasks: the twenty Yang et al. (2019) tasks, the whole set as one scheduled env
 * ({@code yang19.all-v0}), and the perceptual decision-making collection.
 */
public final class CollectionTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        List<TaskDescriptor> out = new ArrayList<>(Yang19.tasks());
        out.add(AllTasks.DESCRIPTOR);
        out.add(PerceptualCollection.ROITMAN02);
        out.add(PerceptualCollection.IBL20);
        return out;
    }
}
