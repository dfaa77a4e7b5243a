package uk.org.lxp.payequity.service;

import java.util.UUID;

public class UnknownFindingException extends RuntimeException {

    public UnknownFindingException(UUID id) {
        super("No parity finding with id " + id);
    }
}
