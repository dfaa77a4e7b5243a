package uk.org.lxp.payequity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.CallerScope;
import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.api.PageOf;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.service.InvalidPayRecordException;
import uk.org.lxp.payequity.service.PayRecordService;

@Path("/api/v1/pay-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pay records", description = "What each LXP post actually pays, effective-dated")
@SecurityRequirement(name = "keycloak")
public class PayRecordResource {

    static final int MAX_PAGE_SIZE = 200;

    private final PayRecordService service;
    private final IdempotentRequests idempotency;
    private final CallerScope caller;

    PayRecordResource(PayRecordService service, IdempotentRequests idempotency, CallerScope caller) {
        this.service = service;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "PayRecord")
    public record PayRecordResponse(UUID id, UUID postId, String organisationCode, LocalDate effectiveFrom,
            PayBasis basis, String band, Integer point, BigDecimal fte, BigDecimal hourlyRate, BigDecimal dayRate,
            BigDecimal expensesPerDay, String hcasZone,
            @Schema(description = "What a full-time year on these terms comes to (HCAS included)") BigDecimal fteAnnualisedGbp,
            int version) {

        static PayRecordResponse of(PayRecord record) {
            PayRecord.Terms t = record.terms();
            return new PayRecordResponse(record.id(), record.postId(), record.organisationOdsCode(),
                    record.effectiveFrom(), t.basis(), t.band() == null ? null : t.band().code(), t.point(), t.fte(),
                    t.hourlyRate(), t.dayRate(), t.expensesPerDay(), t.hcasZone(), record.fteAnnualisedGbp(),
                    record.version());
        }
    }

    @POST
    @Path("/bulk")
    @Transactional
    @RolesAllowed({"lxp-admin", "hr-integration"})
    @Operation(summary = "Create or update pay records of one organisation's posts by post reference and start day, all or nothing",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and changes nothing.")
    @APIResponse(responseCode = "200", description = "How many records were created, changed and left unchanged")
    @APIResponse(responseCode = "400", description = "Invalid records: a point the band does not have, a negative, zero or absurd amount, missing Idempotency-Key")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token may not act for that organisation")
    @APIResponse(responseCode = "422", description = "Posts unknown to pay equity, or an Idempotency-Key reused for another request")
    public Response bulkUpsert(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid PayRecordBulkRequest request) {
        caller.requireOrganisation(request.organisationCode());
        return idempotency.once(caller.actor(), idempotencyKey, "/api/v1/pay-records/bulk", request,
                () -> service.upsert(request.organisationCode(), items(request)));
    }

    @GET
    @RolesAllowed({"lxp-admin", "lxp-lead", "hr-integration"})
    @Operation(summary = "List an organisation's pay records, by post and start day")
    @APIResponse(responseCode = "200", description = "One page of pay records")
    @APIResponse(responseCode = "400", description = "No organisation, or invalid paging")
    @APIResponse(responseCode = "403", description = "An HR client asking for another organisation")
    public PageOf<PayRecordResponse> list(
            @QueryParam("organisation") @NotNull @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String organisation,
            @QueryParam("post") UUID post,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (!caller.hasRole(CallerScope.LXP_LEAD)) {
            caller.requireOrganisation(organisation);
        }
        var items = service.list(organisation, post, page, size).stream().map(PayRecordResponse::of).toList();
        return new PageOf<>(items, page, size, service.count(organisation, post));
    }

    private static List<PayRecordService.Item> items(PayRecordBulkRequest request) {
        List<PayRecordService.Item> items = new ArrayList<>(request.records().size());
        for (int i = 0; i < request.records().size(); i++) {
            PayRecordBulkRequest.Item item = request.records().get(i);
            try {
                items.add(new PayRecordService.Item(item.postReference(), item.effectiveFrom(), new PayRecord.Terms(
                        item.basis(), item.band() == null ? null : AfcBand.fromCode(item.band()), item.point(), item.fte(),
                        item.hourlyRate(), item.dayRate(), item.expensesPerDay(), item.hcasZone())));
            } catch (IllegalArgumentException broken) {
                throw new InvalidPayRecordException("records[" + i + "] (" + item.postReference() + "): " + broken.getMessage());
            }
        }
        return items;
    }
}
