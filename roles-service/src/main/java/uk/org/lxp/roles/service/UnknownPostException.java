package uk.org.lxp.roles.service;

import java.util.UUID;

public class UnknownPostException extends RuntimeException {

    public UnknownPostException(UUID id) {
        super("No post with id " + id);
    }
}
