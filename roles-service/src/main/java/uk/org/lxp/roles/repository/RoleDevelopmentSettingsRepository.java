package uk.org.lxp.roles.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.roles.RoleDevelopmentSettings;

@ApplicationScoped
public class RoleDevelopmentSettingsRepository implements PanacheRepositoryBase<RoleDevelopmentSettings, String> {

    /** The organisation's settings, or the defaults when it has set none; a national template has the defaults. */
    public RoleDevelopmentSettings of(String odsCode) {
        return odsCode == null ? RoleDevelopmentSettings.defaultsFor(null)
                : findByIdOptional(odsCode).orElseGet(() -> RoleDevelopmentSettings.defaultsFor(odsCode));
    }
}
