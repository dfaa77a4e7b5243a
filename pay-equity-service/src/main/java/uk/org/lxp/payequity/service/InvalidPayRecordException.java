package uk.org.lxp.payequity.service;

public class InvalidPayRecordException extends RuntimeException {

    public InvalidPayRecordException(String message) {
        super(message);
    }
}
