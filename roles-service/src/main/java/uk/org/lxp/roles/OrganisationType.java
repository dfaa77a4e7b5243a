package uk.org.lxp.roles;

/** What kind of body an organisation is; NHS ones carry an ODS code. */
public enum OrganisationType {
    NHS_TRUST,
    INTEGRATED_CARE_BOARD,
    VOLUNTARY_SECTOR,
    UNIVERSITY,
    OTHER_EMPLOYER
}
