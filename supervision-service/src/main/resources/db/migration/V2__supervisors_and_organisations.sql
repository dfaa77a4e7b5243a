-- People appear only by their employer's opaque staff reference: no names, no contact details, no health data.
CREATE TABLE supervisor (
    id                   uuid         PRIMARY KEY,
    organisation_code    varchar(10)  NOT NULL,
    staff_reference      varchar(64)  NOT NULL,
    lived_experience     boolean      NOT NULL,
    max_supervisees      smallint     NOT NULL,
    active               boolean      NOT NULL,
    version              integer      NOT NULL,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT supervisor_staff_unique UNIQUE (organisation_code, staff_reference),
    CONSTRAINT supervisor_capacity CHECK (max_supervisees BETWEEN 1 AND 50)
);

-- Organisations as roles-service publishes them (lxp.roles.organisation.v1): this service's own copy.
CREATE TABLE organisation (
    ods_code            varchar(10)  PRIMARY KEY,
    name                varchar(200) NOT NULL,
    valid_from          date         NOT NULL,
    valid_to            date,
    source_version      integer      NOT NULL,
    updated_at          timestamptz  NOT NULL
);
