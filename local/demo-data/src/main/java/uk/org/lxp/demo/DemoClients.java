package uk.org.lxp.demo;

import java.util.Locale;

/** The Keycloak clients the loader acts as, one per real-world actor. */
final class DemoClients {

    /** The national LXP team: organisations, the role catalogue, progression routes, parity evaluation. */
    static final String LXP_ADMIN = "lxp-demo-admin";

    private DemoClients() {
    }

    /** A trust's HR system: its token carries role hr-integration and the trust's ODS code as {@code org}. */
    static String hrIntegration(String odsCode) {
        return "hr-" + odsCode.toLowerCase(Locale.ROOT);
    }
}
