package uk.org.lxp.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The real organisations of the demo: three ICBs that kept their codes in April 2026 and ten trusts in them.
 * Their ICB memberships run from {@code icbMembershipsFrom} with no end.
 */
record Organisations(LocalDate icbMembershipsFrom, List<Icb> icbs, List<Trust> trusts) {

    record Icb(String odsCode, String gssCode, String name) {
    }

    record Trust(String odsCode, String name, String icb) {
    }
}
