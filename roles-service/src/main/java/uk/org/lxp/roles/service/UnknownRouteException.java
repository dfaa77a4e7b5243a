package uk.org.lxp.roles.service;

import java.util.UUID;

public class UnknownRouteException extends RuntimeException {

    public UnknownRouteException(UUID id) {
        super("No progression route with id " + id);
    }
}
