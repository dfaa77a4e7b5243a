package uk.org.lxp.payequity.service;

import java.util.List;

/** Posts this service has not (yet) heard of from roles-service: the HR system must register them there first. */
public class UnknownPostsException extends RuntimeException {

    public UnknownPostsException(String organisation, List<String> references) {
        super("Posts of " + organisation + " not known to pay equity (register them with roles-service first): "
                + String.join(", ", references.subList(0, Math.min(20, references.size())))
                + (references.size() > 20 ? " and " + (references.size() - 20) + " more" : ""));
    }
}
