package uk.org.lxp.payequity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Visibility;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.repository.PayRecordRepository;
import uk.org.lxp.payequity.service.PayRecordService;

@Path("/api/v1/pay-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pay records", description = "What each LXP post actually pays, effective-dated")
@SecurityRequirement(name = "keycloak")
public class PayRecordResource {

    private final PayRecordService service;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;

    PayRecordResource(PayRecordService service, IdempotentRequests idempotency, CallerScope scope) {
        this.service = service;
        this.idempotency = idempotency;
        this.scope = scope;
    }

    @Schema(name = "PayRecord")
    public record PayRecordResponse(UUID id, UUID postId, String organisationCode, LocalDate effectiveFrom,
            PayBasis basis, AfcBand band, Integer point, BigDecimal fte, BigDecimal hourlyRate, BigDecimal dayRate,
            BigDecimal expensesPerDay, String hcasZone,
            @Schema(description = "What a full-time year on these terms comes to (HCAS included)") BigDecimal fteAnnualisedGbp,
            int version) {

        static PayRecordResponse of(PayRecord record) {
            PayRecord.Terms t = record.terms();
            return new PayRecordResponse(record.id(), record.postId(), record.organisationOdsCode(),
                    record.effectiveFrom(), t.basis(), t.band(), t.point(), t.fte(),
                    t.hourlyRate(), t.dayRate(), t.expensesPerDay(), t.hcasZone(), record.fteAnnualisedGbp(),
                    record.version());
        }
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Create or update pay records of one organisation's posts by post reference and start day, all or nothing",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and changes nothing.")
    @APIResponse(responseCode = "200", description = "How many records were created, changed and left unchanged",
            content = @Content(schema = @Schema(implementation = PayRecordService.Result.class)))
    @APIResponse(responseCode = "400", description = "Invalid records: a negative, zero or absurd amount, a missing Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a request in progress")
    @APIResponse(responseCode = "422", description = "Posts unknown to pay equity, a point the band does not have, or an Idempotency-Key reused for another request")
    public Response bulkUpsert(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid PayRecordBulkRequest request) {
        scope.requireWrite(DataClass.PERSON_LEVEL, request.organisationCode());
        return idempotency.once(idempotencyKey, "/api/v1/pay-records/bulk", request,
                () -> service.upsert(request.organisationCode(), items(request)));
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.HR_INTEGRATION, Roles.ICS_ANALYST})
    @Operation(summary = "List the pay records the caller reaches, by organisation, post and start day",
            description = "HR clients and leads see their own organisations' records; ICS analysts those of their ICB.")
    @APIResponse(responseCode = "200", description = "One page of pay records")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @OneSnapshot
    public Page<PayRecordResponse> list(
            @Parameter(description = "ODS code of one organisation") @QueryParam("organisation") @OdsCode String organisation,
            @QueryParam("post") UUID post,
            @Valid @BeanParam Paging paging) {
        if (organisation != null) {
            scope.requireRead(DataClass.PERSON_LEVEL, organisation);
        }
        Visibility visible = scope.readable(DataClass.PERSON_LEVEL);
        var filter = new PayRecordRepository.Filter(organisation, post, visible.organisations().orElse(null));
        var items = service.list(filter, paging).stream().map(PayRecordResponse::of).toList();
        return Page.of(items, paging, service.count(filter));
    }

    /** A record's own rules (what each basis needs, amounts in range) concern the request alone. */
    private static List<PayRecordService.Item> items(PayRecordBulkRequest request) {
        return BulkItems.read(request.records(), "records", (index, item) -> new PayRecordService.Item(index,
                item.postReference(), item.effectiveFrom(), new PayRecord.Terms(item.basis(), item.band(), item.point(),
                        item.fte(), item.hourlyRate(), item.dayRate(), item.expensesPerDay(), item.hcasZone())));
    }
}
