package uk.org.lxp.roles;

/** A change an organisation that co-produces its roles may not make without what co-production asks first. */
public class CoProductionRequired extends RuntimeException {

    public CoProductionRequired(String message) {
        super(message);
    }
}
