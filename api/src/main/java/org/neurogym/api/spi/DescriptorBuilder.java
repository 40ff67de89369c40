package org.neurogym.api.spi;

import java.util.ArrayList;
import java.util.List;
import org.neurogym.api.param.ParamSpec;

/**
 * What a task's and a wrapper's descriptor builders share: the id, family, description, paper and
 * parameters, set in the order their documentation reads. Package-private: authors meet it only
 * through {@link TaskDescriptor#builder} and {@link WrapperDescriptor#builder}.
 *
 * @param <B> the concrete builder, so that each setter returns it and the chain goes on
 */
abstract class DescriptorBuilder<B extends DescriptorBuilder<B>> {
    final String id;
    String family = "";
    String description = "";
    String paperName = "";
    String paperLink = "";
    final List<ParamSpec> parameters = new ArrayList<>();

    DescriptorBuilder(String id) {
        this.id = id;
    }

    /** This builder, as its concrete type. */
    abstract B self();

    public B family(String family) {
        this.family = family;
        return self();
    }

    public B description(String description) {
        this.description = description;
        return self();
    }

    public B paper(String name, String link) {
        this.paperName = name;
        this.paperLink = link;
        return self();
    }

    /** Declares one parameter; a name declared twice is a mistake in the descriptor. */
    public B param(ParamSpec spec) {
        for (ParamSpec p : parameters) {
            if (p.name().equals(spec.name())) throw new IllegalArgumentException(id + " declares parameter '" + spec.name() + "' twice");
        }
        parameters.add(spec);
        return self();
    }

    public B params(ParamSpec... specs) {
        for (ParamSpec s : specs) param(s);
        return self();
    }
}
