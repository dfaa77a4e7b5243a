package uk.org.lxp.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The real organisations of the demo: three ICBs that kept their codes in April 2026 and ten trusts in them.
 * Their ICB memberships run from {@code icbMembershipsFrom} with no end. West Yorkshire has agreed a system pay standard;
 * NHS England's 2020 Band 7 offer was made to every trust, and each answered it its own way.
 */
record Organisations(LocalDate icbMembershipsFrom, List<Icb> icbs, List<Trust> trusts,
        List<SystemPayStandard> systemPayStandards, List<FundingProgramme> fundingProgrammes) {

    record Icb(String odsCode, String gssCode, String name) {
    }

    record Trust(String odsCode, String name, String icb) {
    }

    /** pay-equity-service's SystemPayStandardRequest: the band an ICB agreed for a role family and level. */
    record SystemPayStandard(String icbOdsCode, String family, String level, String band, LocalDate effectiveFrom) {
    }

    /** roles-service's FundingProgrammeRequest, and how each organisation answered the programme, step by step. */
    record FundingProgramme(String name, String funder, LocalDate offeredOn, LocalDate applicationsOpen,
            LocalDate applicationsClose, String fundedBand, String family, String level, int postsPerOrganisation,
            BigDecimal amountPerOrganisationGbp, List<String> eligibleOrganisations,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) List<Answer> answers) {
    }

    record Answer(String organisation, List<Step> steps) {
    }

    /** roles-service's FundingApplicationRequest. */
    record Step(String state, LocalDate on, List<String> reasons, String reasonText) {
    }
}
