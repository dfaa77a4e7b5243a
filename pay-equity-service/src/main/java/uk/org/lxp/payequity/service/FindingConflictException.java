package uk.org.lxp.payequity.service;

public class FindingConflictException extends RuntimeException {

    public FindingConflictException(String message) {
        super(message);
    }
}
