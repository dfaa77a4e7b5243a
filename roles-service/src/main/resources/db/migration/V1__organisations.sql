CREATE TABLE organisation (
    id                  uuid         PRIMARY KEY,
    ods_code            varchar(10)  NOT NULL,
    name                varchar(200) NOT NULL,
    type                varchar(30)  NOT NULL,
    valid_from          date         NOT NULL,
    valid_to            date,
    successor_ods_code  varchar(10),
    version             integer      NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT organisation_ods_code_unique UNIQUE (ods_code),
    CONSTRAINT organisation_validity CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX organisation_type_idx ON organisation (type, ods_code);
