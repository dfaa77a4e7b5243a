package uk.org.lxp.demo;

/** The demo data could not be loaded: the message names the call that failed and what the service said. */
public class DemoDataException extends RuntimeException {

    public DemoDataException(String message) {
        super(message);
    }

    public DemoDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
