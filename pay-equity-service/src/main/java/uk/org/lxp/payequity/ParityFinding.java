package uk.org.lxp.payequity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A parity problem the rules found, with its evidence. People acknowledge it (with a comment) and resolve it;
 * the rules reopen it if it comes back and resolve it themselves when it is gone.
 */
@Entity
@Table(name = "parity_finding")
public class ParityFinding {

    @Schema(name = "ParityFindingStatus")
    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /** What changed at an evaluation, which decides the event to publish. */
    public enum Change { RAISED, UPDATED, REOPENED, RESOLVED_BY_RULES, UNCHANGED }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParityRules.Rule rule;

    @Column(name = "finding_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String subject;

    @Column(name = "organisation_ods_code")
    private String organisation;

    @Column(name = "icb_ods_code")
    private String icb;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParityRules.Severity severity;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> evidence = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "status_comment")
    private String statusComment;

    @Column(name = "first_detected_at", nullable = false)
    private Instant firstDetectedAt;

    @Column(name = "last_changed_at", nullable = false)
    private Instant lastChangedAt;

    @Version
    private int version;

    protected ParityFinding() {
    }

    public ParityFinding(ParityRules.Finding found, Map<String, Object> evidence, Instant now) {
        this.id = UUID.randomUUID();
        this.rule = found.rule();
        this.key = found.key();
        this.status = Status.OPEN;
        this.firstDetectedAt = now;
        take(found, evidence, now);
    }

    /** The rules found it again; {@code evidence} is the finding's evidence in stored form. */
    public Change detectedAgain(ParityRules.Finding found, Map<String, Object> evidence, Instant now) {
        if (status == Status.RESOLVED) {
            status = Status.OPEN;
            statusComment = "Detected again";
            take(found, evidence, now);
            return Change.REOPENED;
        }
        if (found.severity() == severity && found.subject().equals(subject) && evidence.equals(this.evidence)) {
            return Change.UNCHANGED;
        }
        take(found, evidence, now);
        return Change.UPDATED;
    }

    /** The rules no longer find it. */
    public Change notDetected(Instant now) {
        if (status == Status.RESOLVED) {
            return Change.UNCHANGED;
        }
        status = Status.RESOLVED;
        statusComment = "No longer detected by the rules";
        lastChangedAt = now;
        return Change.RESOLVED_BY_RULES;
    }

    public void acknowledge(String comment, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("Only an open finding can be acknowledged; this one is " + status);
        }
        status = Status.ACKNOWLEDGED;
        statusComment = comment;
        lastChangedAt = now;
    }

    public void resolve(String comment, Instant now) {
        if (status == Status.RESOLVED) {
            throw new IllegalStateException("The finding is already resolved");
        }
        status = Status.RESOLVED;
        statusComment = comment;
        lastChangedAt = now;
    }

    private void take(ParityRules.Finding found, Map<String, Object> evidence, Instant now) {
        subject = found.subject();
        organisation = found.organisation();
        icb = found.icb();
        severity = found.severity();
        this.evidence = new LinkedHashMap<>(evidence);
        lastChangedAt = now;
    }

    public UUID id() {
        return id;
    }

    public ParityRules.Rule rule() {
        return rule;
    }

    public String key() {
        return key;
    }

    public String subject() {
        return subject;
    }

    public String organisation() {
        return organisation;
    }

    public String icb() {
        return icb;
    }

    public ParityRules.Severity severity() {
        return severity;
    }

    public Map<String, Object> evidence() {
        return evidence;
    }

    public Status status() {
        return status;
    }

    public String statusComment() {
        return statusComment;
    }

    public Instant firstDetectedAt() {
        return firstDetectedAt;
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    public int version() {
        return version;
    }
}
