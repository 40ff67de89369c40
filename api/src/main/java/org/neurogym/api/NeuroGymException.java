package org.neurogym.api;

/** The base of every error the platform reports to a user: its message is meant to be read as is. */
public class NeuroGymException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NeuroGymException(String message) {
        super(message);
    }

    public NeuroGymException(String message, Throwable cause) {
        super(message, cause);
    }
}
