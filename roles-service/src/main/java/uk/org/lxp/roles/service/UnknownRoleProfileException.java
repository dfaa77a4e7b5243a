package uk.org.lxp.roles.service;

import java.util.UUID;

public class UnknownRoleProfileException extends RuntimeException {

    public UnknownRoleProfileException(UUID id) {
        super("No role profile with id " + id);
    }
}
