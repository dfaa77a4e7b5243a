package uk.org.lxp.bench;

/** A benchmark that could not run or whose run is not valid, worded for the person at the terminal. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
