package uk.org.lxp.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Brings the demo's organisations up to date as the national LXP team would: the seeded ICB memberships end on
 * 2026-03-31, but these three ICBs kept their codes, so they and their trusts' memberships become open-ended;
 * trusts the reference data lacks are registered. An organisation already as wanted is left alone, because
 * every PUT is published and audited even when nothing differs.
 */
final class OrganisationPhase {

    private static final String PATH = "/api/v1/organisations";

    /** roles-service's OrganisationRequest, which is also the shape of what it returns. */
    record Organisation(String odsCode, String name, String type, String gssCode, LocalDate validFrom,
            LocalDate validTo, String successorOdsCode, List<Membership> icbMemberships) {
    }

    record Membership(String icbOdsCode, LocalDate validFrom, LocalDate validTo) {
    }

    private final GatewayCalls calls;
    private final ObjectMapper json;
    private final Consumer<String> progress;

    OrganisationPhase(GatewayCalls calls, ObjectMapper json, Consumer<String> progress) {
        this.calls = calls;
        this.json = json;
        this.progress = progress;
    }

    DemoSummary.Count run(Organisations organisations) {
        GatewayCalls.Caller admin = calls.as(DemoClients.LXP_ADMIN);
        Tally tally = new Tally();
        LocalDate from = organisations.icbMembershipsFrom();
        for (Organisations.Icb icb : organisations.icbs()) {
            ensure(admin, tally, new Organisation(icb.odsCode(), icb.name(), "INTEGRATED_CARE_BOARD", icb.gssCode(),
                    from, null, null, List.of()), current -> withValidTo(current, null));
        }
        for (Organisations.Trust trust : organisations.trusts()) {
            ensure(admin, tally, new Organisation(trust.odsCode(), trust.name(), "NHS_TRUST", null, null, null, null,
                    List.of(new Membership(trust.icb(), from, null))),
                    current -> withOpenMembership(current, trust.icb(), from));
        }
        DemoSummary.Count count = tally.of(organisations.icbs().size() + organisations.trusts().size());
        progress.accept("organisations: " + organisations.icbs().size() + " ICBs and " + organisations.trusts().size()
                + " trusts, " + count.created() + " registered, " + count.changed() + " updated");
        return count;
    }

    /** Registers the organisation if it is missing; otherwise makes it {@code wanted(current)} if it is not. */
    private void ensure(GatewayCalls.Caller admin, Tally tally, Organisation toRegister,
            UnaryOperator<Organisation> wanted) {
        String path = PATH + "/" + toRegister.odsCode();
        GatewayCalls.Reply reply = admin.get(path, 404);
        if (reply.status() == 404) {
            admin.post(PATH, toRegister, Map.of());
            tally.created(1);
            return;
        }
        Organisation current = read(reply);
        Organisation target = wanted.apply(current);
        if (!target.equals(current)) {
            admin.put(path, target, reply.etag());
            tally.changed(1);
        }
    }

    private static Organisation withValidTo(Organisation o, LocalDate validTo) {
        return new Organisation(o.odsCode(), o.name(), o.type(), o.gssCode(), o.validFrom(), validTo,
                o.successorOdsCode(), o.icbMemberships());
    }

    /** The latest membership of the ICB no longer ends; a trust with none joins it from {@code from}. */
    private static Organisation withOpenMembership(Organisation o, String icb, LocalDate from) {
        List<Membership> memberships = new ArrayList<>(o.icbMemberships());
        Membership latest = memberships.stream().filter(m -> m.icbOdsCode().equals(icb))
                .max(Comparator.comparing(Membership::validFrom)).orElse(null);
        if (latest == null) {
            memberships.add(new Membership(icb, from, null));
        } else {
            memberships.set(memberships.indexOf(latest), new Membership(icb, latest.validFrom(), null));
        }
        memberships.sort(Comparator.comparing(Membership::validFrom));
        return new Organisation(o.odsCode(), o.name(), o.type(), o.gssCode(), o.validFrom(), o.validTo(),
                o.successorOdsCode(), memberships);
    }

    private Organisation read(GatewayCalls.Reply reply) {
        try {
            return json.treeToValue(reply.body(), Organisation.class);
        } catch (JsonProcessingException e) {
            throw new DemoDataException("roles-service answered with an organisation the loader cannot read: "
                    + reply.body(), e);
        }
    }
}
