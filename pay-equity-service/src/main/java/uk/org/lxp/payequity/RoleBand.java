package uk.org.lxp.payequity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The band a role is graded at in the catalogue: an Agenda for Change band, or paid outside it. Documented under the
 * catalogue's name for it, so that the merged API document has one enumeration of bands for roles.
 */
@Schema(name = "PayBand")
public enum RoleBand {
    BAND_2, BAND_3, BAND_4, BAND_5, BAND_6, BAND_7, BAND_8A, BAND_8B, BAND_8C, BAND_8D, BAND_9,
    NON_AFC
}
