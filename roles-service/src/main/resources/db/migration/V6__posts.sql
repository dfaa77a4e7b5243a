-- The establishment: funded positions of a role profile in an organisation, as each trust's HR system knows them.
-- The holder is the HR system's opaque staff reference, never a name.
CREATE TABLE post (
    id                      uuid          PRIMARY KEY,
    organisation_ods_code   varchar(10)   NOT NULL,
    post_reference          varchar(64)   NOT NULL,
    role_profile_id         uuid          NOT NULL REFERENCES role_profile (id),
    fte                     numeric(4, 2) NOT NULL,
    team                    varchar(200),
    status                  varchar(10)   NOT NULL,
    funding_kind            varchar(12)   NOT NULL,
    funding_end_date        date,
    funding_stream          varchar(200),
    holder_staff_reference  varchar(64),
    version                 integer       NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL,
    CONSTRAINT post_reference_unique UNIQUE (organisation_ods_code, post_reference),
    CONSTRAINT post_fte CHECK (fte > 0 AND fte <= 1),
    CONSTRAINT post_holder CHECK ((status = 'FILLED') = (holder_staff_reference IS NOT NULL)),
    CONSTRAINT post_fixed_term CHECK (funding_kind <> 'FIXED_TERM' OR funding_end_date IS NOT NULL)
);
CREATE INDEX post_profile_idx ON post (role_profile_id);
CREATE INDEX post_status_idx ON post (organisation_ods_code, status);
