package uk.org.lxp.roles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How an organisation develops its LXP roles: whether publishing, materially revising or retiring a profile needs a
 * steering-group decision, and how often a published role is reviewed. An organisation that set nothing has the
 * defaults: no decision needed, a review every 12 months.
 */
@Entity
@Table(name = "role_development_settings")
public class RoleDevelopmentSettings {

    public static final int DEFAULT_REVIEW_MONTHS = 12;

    @Id
    @Column(name = "ods_code")
    private String odsCode;

    @Column(name = "requires_co_production", nullable = false)
    private boolean requiresCoProduction;

    @Column(name = "review_every_months", nullable = false)
    private int reviewEveryMonths;

    @Version
    private int version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RoleDevelopmentSettings() {
    }

    /** What an organisation that has set nothing is held to. */
    public static RoleDevelopmentSettings defaultsFor(String odsCode) {
        RoleDevelopmentSettings settings = new RoleDevelopmentSettings();
        settings.odsCode = odsCode;
        settings.reviewEveryMonths = DEFAULT_REVIEW_MONTHS;
        return settings;
    }

    public void change(boolean requiresCoProduction, int reviewEveryMonths, Instant now) {
        if (reviewEveryMonths < 1 || reviewEveryMonths > 60) {
            throw new IllegalArgumentException("A role is reviewed every 1 to 60 months");
        }
        this.requiresCoProduction = requiresCoProduction;
        this.reviewEveryMonths = reviewEveryMonths;
        this.updatedAt = now;
    }

    public String odsCode() {
        return odsCode;
    }

    public boolean requiresCoProduction() {
        return requiresCoProduction;
    }

    public int reviewEveryMonths() {
        return reviewEveryMonths;
    }

    /**
     * The version a client sends back in If-Match: 0 while the organisation has the defaults, then one more than the
     * stored version, so that a client that read the defaults cannot overwrite settings saved since.
     */
    public int etagVersion() {
        return updatedAt == null ? 0 : version + 1;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
