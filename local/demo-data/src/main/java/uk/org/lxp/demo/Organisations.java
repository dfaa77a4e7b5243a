package uk.org.lxp.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The real organisations of the demo: three ICBs that kept their codes in April 2026 and ten trusts in them.
 * Their ICB memberships run from {@code icbMembershipsFrom} with no end. West Yorkshire has agreed a system pay standard.
 */
record Organisations(LocalDate icbMembershipsFrom, List<Icb> icbs, List<Trust> trusts,
        List<SystemPayStandard> systemPayStandards) {

    record Icb(String odsCode, String gssCode, String name) {
    }

    record Trust(String odsCode, String name, String icb) {
    }

    /** pay-equity-service's SystemPayStandardRequest: the band an ICB agreed for a role family and level. */
    record SystemPayStandard(String icbOdsCode, String family, String level, String band, LocalDate effectiveFrom) {
    }
}
