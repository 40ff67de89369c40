package org.neurogym.api;

/** An action outside the env's action space. */
public class InvalidActionException extends NeuroGymException {
    private static final long serialVersionUID = 1L;

    public InvalidActionException(String message) {
        super(message);
    }
}
