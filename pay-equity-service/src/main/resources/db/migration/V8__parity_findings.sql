-- When a post was closed, as roles-service's events tell it: the unpaid-substitution rule looks back twelve months.
ALTER TABLE post ADD COLUMN closed_on date;

-- What the parity rules found. One row per rule and subject, re-evaluated in place; no personal identifiers.
CREATE TABLE parity_finding (
    id                   uuid          PRIMARY KEY,
    rule                 varchar(30)   NOT NULL,
    finding_key          varchar(400)  NOT NULL,
    subject              varchar(1000) NOT NULL,
    organisation_ods_code varchar(10),
    icb_ods_code         varchar(10),
    severity             varchar(10)   NOT NULL,
    evidence             jsonb         NOT NULL,
    status               varchar(15)   NOT NULL,
    status_comment       varchar(2000),
    first_detected_at    timestamptz   NOT NULL,
    last_changed_at      timestamptz   NOT NULL,
    version              integer       NOT NULL,
    CONSTRAINT parity_finding_key_unique UNIQUE (finding_key)
);
CREATE INDEX parity_finding_scope_idx ON parity_finding (status, organisation_ods_code, icb_ods_code);
