package org.neurogym.api.param;

import org.neurogym.api.NeuroGymException;

/** A parameter that is unknown, of the wrong type or out of range; {@link #key()} names it. */
public class ParameterException extends NeuroGymException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ParameterException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
