package uk.org.lxp.roles;

public enum ContractBasis {
    PERMANENT,
    FIXED_TERM,
    SESSIONAL,
    BANK,
    VOLUNTARY_UNPAID
}
