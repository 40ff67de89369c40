package org.neurogym.core.registry;

import java.util.List;
import org.neurogym.api.NeuroGymException;

/** An id that names no registered task or wrapper; the message suggests the nearest known ids. */
public class UnknownIdException extends NeuroGymException {
    private static final long serialVersionUID = 1L;
    private final List<String> suggestions;

    public UnknownIdException(String message, List<String> suggestions) {
        super(message);
        this.suggestions = List.copyOf(suggestions);
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
