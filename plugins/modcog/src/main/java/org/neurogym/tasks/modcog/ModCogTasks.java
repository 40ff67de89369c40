package org.neurogym.tasks.modcog;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.spi.TaskDescriptor;
import org.neurogym.api.spi.TaskProvider;

/** The Mod-Cog plugin's tasks: the 82 tasks and the whole set as one scheduled env ({@code modcog.all-v0}). */
public final class ModCogTasks implements TaskProvider {
    @Override
    public List<TaskDescriptor> tasks() {
        List<TaskDescriptor> out = new ArrayList<>(ModCog.tasks());
        out.add(AllModCog.DESCRIPTOR);
        return out;
    }
}
