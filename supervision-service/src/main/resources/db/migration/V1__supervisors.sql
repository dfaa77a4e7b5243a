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

