package uk.org.lxp.api.scope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Refused;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.UnknownReference;

/**
 * The scope policy applied to the caller of this request, on today's date in England. What resources inject: they
 * ask it before reading or changing anything that belongs to an organisation or a person.
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Instance<OrganisationDirectory> directory;
    private final Clock clock;
    private Caller caller;

    /** A service provides its {@link OrganisationDirectory}; a library's test application that checks no scope need not. */
    CallerScope(SecurityIdentity identity, JsonWebToken token, Instance<OrganisationDirectory> directory, Clock clock) {
        this.identity = identity;
        this.token = token;
        this.directory = directory;
        this.clock = clock;
    }

    public Caller caller() {
        if (caller == null) {
            caller = new Caller(actor(), identity.getRoles(), claimValues("org"), claimValues("icb").stream().findFirst(),
                    claimValues("staff_ref").stream().findFirst());
        }
        return caller;
    }

    /** Who is acting, for the audit trail: the machine client and its subject, else the token's subject. */
    public String actor() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String client = token.getClaim("azp");
        return client != null ? client + "/" + token.getSubject() : identity.getPrincipal().getName();
    }

    public LocalDate today() {
        return Today.in(clock);
    }

    /** Refused (403) unless the caller may read that organisation's data of this class. */
    public ScopePolicy.Decision requireRead(DataClass data, String organisation) {
        return require(policy().decide(caller(), data, Access.READ, organisation, today()));
    }

    /** Refused (403) unless the caller may change that organisation's data of this class. */
    public ScopePolicy.Decision requireWrite(DataClass data, String organisation) {
        return require(policy().decide(caller(), data, Access.WRITE, organisation, today()));
    }

    /** Refused (403) unless the caller may change that class of data in each organisation a bulk request names. */
    public void requireWriteEach(DataClass data, Collection<String> organisations) {
        organisations.stream().distinct().forEach(organisation -> requireWrite(data, organisation));
    }

    /** Refused (403) unless the caller may read that class of data across a whole reach (an ICB, the nation). */
    public ScopePolicy.Decision requireRead(DataClass data, Reach reach) {
        return require(policy().decide(caller(), data, reach, Access.READ, today()));
    }

    /** Refused (403) unless the caller may act on data of that reach, e.g. acknowledge an ICB's finding. */
    public ScopePolicy.Decision requireWrite(DataClass data, Reach reach) {
        return require(policy().decide(caller(), data, reach, Access.WRITE, today()));
    }

    /** Which organisations' data of this class the caller reaches, for filtering lists. */
    public Visibility readable(DataClass data) {
        return policy().visible(caller(), data, Access.READ, today());
    }

    /** Which ICBs' aggregates the caller reads, for filtering lists; empty when every ICB's. */
    public Optional<Set<String>> readableIcbAggregates() {
        return policy().icbAggregates(caller(), today());
    }

    public boolean seesSmallCohorts() {
        return policy().seesSmallCohorts(caller());
    }

    /**
     * The reach an aggregate query names with its {@code organisation} or {@code icb} parameter (neither: the nation),
     * once the caller may read it: 400 when both are given, 422 naming the parameter when one is unknown, 403 when it
     * is outside the caller's scope.
     */
    public Reach requireReadableAggregate(String organisation, String icb) {
        if (organisation != null && icb != null) {
            throw InvalidRequest.inQuery("icb", "give organisation or icb, not both");
        }
        requireKnownOrganisation(organisation, "organisation");
        requireKnownOrganisation(icb, "icb");
        Reach reach = Reach.of(organisation, icb);
        requireRead(DataClass.AGGREGATE, reach);
        return reach;
    }

    /** 422 naming the field when the organisation is unknown, so a typo never reads as an empty or small answer. */
    public void requireKnownOrganisation(String odsCode, String queryParameter) {
        if (odsCode != null && !directory.get().isKnown(odsCode)) {
            throw UnknownReference.inQuery(queryParameter, "No organisation with ODS code " + odsCode + " is known");
        }
    }

    private ScopePolicy policy() {
        return new ScopePolicy(directory.get());
    }

    private static ScopePolicy.Decision require(ScopePolicy.Decision decision) {
        if (!decision.allowed()) {
            throw new Refused(decision.refusal());
        }
        return decision;
    }

    /** A claim as a set of strings, whether Keycloak wrote it as one string or as an array. */
    private Set<String> claimValues(String name) {
        Object claim = identity.isAnonymous() ? null : token.getClaim(name);
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        if (claim instanceof JsonString single) {
            return Set.of(single.getString());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Optional.ofNullable(claim).map(value -> Set.of(String.valueOf(value))).orElse(Set.of());
    }
}
