package uk.org.lxp.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of the problems the demo data set shows, and the parity finding that should name it: by organisation, or
 * for an ICB-wide finding by ICB.
 */
record Story(String rule, String organisation, String icb, String story) {

    boolean isShownBy(JsonNode finding) {
        return rule.equals(finding.path("rule").asText())
                && (organisation == null || organisation.equals(finding.path("organisationCode").asText(null)))
                && (icb == null || icb.equals(finding.path("icbCode").asText(null)));
    }

    String where() {
        return organisation != null ? organisation : icb;
    }
}
