package uk.org.lxp.payequity.service;

import uk.org.lxp.payequity.PayYear;

public class PayYearExistsException extends RuntimeException {

    public PayYearExistsException(PayYear year) {
        super("Pay year " + year + " already has a pay scale");
    }
}
