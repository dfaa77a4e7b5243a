package uk.org.lxp.payequity;

import java.util.UUID;

import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;

/** What roles-service publishes, as this service's tests need it: a trust of an ICB, a peer profile, its posts. */
final class RolesServiceEvents {

    private static final String SOURCE = "/lxp/roles-service";

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());

    /** An NHS trust that has been a member of the ICB since July 2022, when ICBs were set up. */
    void trustOf(String icb, String trust, String name) {
        topics.publishCloudEvent("lxp.roles.organisation.v1", trust, "lxp.roles.OrganisationRegistered", SOURCE, """
                {"odsCode":"%s","name":"%s","type":"NHS_TRUST","validFrom":null,"validTo":null,
                 "icbMemberships":[{"icbOdsCode":"%s","validFrom":"2022-07-01","validTo":null}],
                 "version":0,"updatedAt":"2026-01-01T00:00:00Z"}""".formatted(trust, name, icb));
    }

    /** A published Peer Support Worker profile of the owner: entry level, Band 3, staff group 07. */
    UUID peerSupportWorkerProfile(String owner) {
        UUID profile = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.role-profile.v1", profile.toString(), "lxp.roles.RoleProfilePublished", SOURCE,
                """
                {"id":"%s","ownerOdsCode":"%s","title":"Peer Support Worker","family":"PEER_SUPPORT",
                 "level":"ENTRY","band":"BAND_3","contractBasis":"PERMANENT","staffGroupCode":"07",
                 "patientFacing":true,"status":"PUBLISHED","revision":2}""".formatted(profile, owner));
        return profile;
    }

    /** A filled full-time post of the profile, recurrently funded or fixed-term to 31 March 2027. */
    void filledPost(String trust, String postReference, UUID profile, boolean fixedTerm) {
        UUID post = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.post.v1", post.toString(), "lxp.roles.PostCreated", SOURCE, """
                {"id":"%s","organisationCode":"%s","postReference":"%s","roleProfileId":"%s","fte":1.0,
                 "status":"FILLED","funding":{"kind":"%s","endDate":%s},"version":0}"""
                .formatted(post, trust, postReference, profile, fixedTerm ? "FIXED_TERM" : "RECURRENT",
                        fixedTerm ? "\"2027-03-31\"" : "null"));
    }
}
