package uk.org.lxp.payequity.service;

import uk.org.lxp.payequity.PayYear;

public class UnknownPayYearException extends RuntimeException {

    public UnknownPayYearException(PayYear year) {
        super("No pay scale is held for pay year " + year);
    }
}
