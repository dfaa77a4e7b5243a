package uk.org.lxp.roles.service;

/** A request that is well formed but breaks a rule of the domain: the client must change it. */
public class DomainRuleException extends RuntimeException {

    public DomainRuleException(String message) {
        super(message);
    }
}
