package uk.org.lxp.roles;

/** A request that breaks a rule of the domain by itself, naming the field at fault (a 400 to its caller). */
public class FieldInvalid extends RuntimeException {

    private final String field;

    public FieldInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
