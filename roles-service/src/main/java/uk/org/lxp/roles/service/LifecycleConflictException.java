package uk.org.lxp.roles.service;

/** The change does not fit the resource's current state (e.g. editing a retired profile). */
public class LifecycleConflictException extends RuntimeException {

    public LifecycleConflictException(String message) {
        super(message);
    }
}
