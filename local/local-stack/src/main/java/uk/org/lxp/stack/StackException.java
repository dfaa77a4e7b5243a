package uk.org.lxp.stack;

/** A reason the stack cannot start or a command cannot run, worded for the person at the terminal. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
