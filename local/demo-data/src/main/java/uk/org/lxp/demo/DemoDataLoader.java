package uk.org.lxp.demo;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the demo data set into a running stack through the gateway's public API, as the national LXP team and
 * the trusts' HR systems would: organisations, the role catalogue and progression routes as {@code lxp-demo-admin};
 * each trust's posts, pay records, comparators, supervisors, supervision agreements and what became of past sessions
 * as its own HR client ({@code hr-rgd}, {@code hr-rxv}, ...); then a parity evaluation. Loading again changes nothing,
 * except recording the sessions that have passed since.
 */
public final class DemoDataLoader {

    private final URI gatewayUrl;
    private final ClientTokens tokens;
    private final Consumer<String> progress;
    private final Duration timeout;

    /**
     * @param gatewayUrl e.g. {@code http://127.0.0.1:8080}
     * @param tokens access tokens of the demo clients
     * @param progress receives a short line per step, e.g. "role profiles: 21 (21 created, 0 changed)"
     * @param timeout how long to wait, at each point where it must, for pay-equity-service to catch up with
     *     roles-service's events (posts before their pay records, everything before the parity findings)
     */
    public DemoDataLoader(URI gatewayUrl, ClientTokens tokens, Consumer<String> progress, Duration timeout) {
        this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Loads the whole demo data set; safe to run again on a stack that already has it (changes nothing then).
     *
     * @throws DemoDataException naming the call that failed, its HTTP status and the problem's detail
     */
    public DemoSummary load() {
        DemoDataSet data = DemoDataSet.standard();
        ObjectMapper json = Json.mapper();
        GatewayCalls calls = new GatewayCalls(gatewayUrl, tokens, json);

        DemoSummary.Count organisations = new OrganisationPhase(calls, json, progress).run(data.organisations());
        CataloguePhase.Result catalogue = new CataloguePhase(calls, json, progress).run(data.catalogue());
        LocalDate today = SupervisionPhase.todayInEngland();
        new RoleDevelopmentPhase(calls, progress, today).run(data.roleDevelopment());
        FundingProgrammesPhase.Result funding = new FundingProgrammesPhase(calls, progress)
                .run(data.organisations().fundingProgrammes());
        EstablishmentPhase.Result establishment = new EstablishmentPhase(calls, json, progress, timeout, today)
                .run(data.establishments(), catalogue.profileIds(), funding.programmeByName());
        SupervisionPhase.Result supervision = new SupervisionPhase(calls, progress, timeout, today)
                .run(data.establishments(), data.catalogue());
        DemoSummary.Count standards = new SystemPayStandardsPhase(calls, progress)
                .run(data.organisations().systemPayStandards());
        FindingsPhase.Result findings = new FindingsPhase(calls, progress, timeout).run(data.stories());

        return new DemoSummary(organisations, catalogue.profiles(), catalogue.routes(), establishment.posts(),
                establishment.payRecords(), establishment.comparatorRecords(), standards, funding.steps(),
                supervision.supervisors(),
                supervision.agreements(), supervision.sessionOutcomes(), findings.openByRule(),
                findings.notShown().stream().map(story -> story.rule() + " at " + story.where()).toList());
    }
}
