-- The band an ICB has agreed across its trusts for a role family and level, effective-dated: a new standard for the
-- same family and level closes the one before it.
CREATE TABLE system_pay_standard (
    id              uuid         PRIMARY KEY,
    icb_ods_code    varchar(10)  NOT NULL,
    family          varchar(60)  NOT NULL,
    level           varchar(40)  NOT NULL,
    band            varchar(10)  NOT NULL,
    effective_from  date         NOT NULL,
    effective_to    date,
    created_at      timestamptz  NOT NULL,
    version         integer      NOT NULL,
    CONSTRAINT system_pay_standard_start UNIQUE (icb_ods_code, family, level, effective_from),
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX system_pay_standard_icb_idx ON system_pay_standard (icb_ods_code, family, level, effective_from);
