package uk.org.lxp.http;

/** One field at fault: where it is ({@code in}), its name or JSON path ({@code field}), and what is wrong with it. */
public record Violation(String field, String in, String message) {

    public static Violation body(String field, String message) {
        return new Violation(field, "body", message);
    }

    public static Violation query(String field, String message) {
        return new Violation(field, "query", message);
    }

    public static Violation path(String field, String message) {
        return new Violation(field, "path", message);
    }

    public static Violation header(String field, String message) {
        return new Violation(field, "header", message);
    }
}
