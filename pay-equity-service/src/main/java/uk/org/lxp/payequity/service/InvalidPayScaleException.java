package uk.org.lxp.payequity.service;

public class InvalidPayScaleException extends RuntimeException {

    public InvalidPayScaleException(String message) {
        super(message);
    }
}
