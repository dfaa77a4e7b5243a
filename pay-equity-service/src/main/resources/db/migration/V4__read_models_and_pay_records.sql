-- Copies of roles-service's role profiles and posts, built from its events.
CREATE TABLE role_profile (
    id                uuid         PRIMARY KEY,
    owner_ods_code    varchar(10),
    title             varchar(200) NOT NULL,
    family            varchar(50)  NOT NULL,
    level             varchar(30)  NOT NULL,
    band              varchar(10)  NOT NULL,
    contract_basis    varchar(20)  NOT NULL,
    staff_group_code  varchar(2)   NOT NULL,
    patient_facing    boolean      NOT NULL,
    status            varchar(10)  NOT NULL,
    source_revision   integer      NOT NULL
);

CREATE TABLE post (
    id                     uuid          PRIMARY KEY,
    organisation_ods_code  varchar(10)   NOT NULL,
    post_reference         varchar(64)   NOT NULL,
    role_profile_id        uuid          NOT NULL,
    fte                    numeric(4, 2) NOT NULL,
    status                 varchar(10)   NOT NULL,
    funding_kind           varchar(12)   NOT NULL,
    funding_end_date       date,
    source_version         integer       NOT NULL,
    CONSTRAINT post_reference_unique UNIQUE (organisation_ods_code, post_reference)
);

-- High Cost Area Supplement zones by pay year; loaded from reference/hcas-england.csv.
CREATE TABLE hcas_zone (
    pay_year          varchar(7)    NOT NULL,
    zone              varchar(20)   NOT NULL,
    percent_of_basic  numeric(5, 2) NOT NULL,
    min_gbp           numeric(10, 2) NOT NULL,
    max_gbp           numeric(10, 2) NOT NULL,
    PRIMARY KEY (pay_year, zone)
);

-- What a post actually pays, from a day on: salaried on a band and point, sessional by the day, hourly, or unpaid.
CREATE TABLE pay_record (
    id                    uuid           PRIMARY KEY,
    post_id               uuid           NOT NULL REFERENCES post (id),
    organisation_ods_code varchar(10)    NOT NULL,
    effective_from        date           NOT NULL,
    basis                 varchar(10)    NOT NULL,
    band                  varchar(2),
    point                 smallint,
    fte                   numeric(4, 2)  NOT NULL,
    hourly_rate_gbp       numeric(8, 2),
    day_rate_gbp          numeric(8, 2),
    expenses_per_day_gbp  numeric(8, 2),
    hcas_zone             varchar(20),
    fte_annualised_gbp    numeric(12, 2) NOT NULL,
    version               integer        NOT NULL,
    created_at            timestamptz    NOT NULL,
    updated_at            timestamptz    NOT NULL,
    CONSTRAINT pay_record_unique UNIQUE (post_id, effective_from)
);
CREATE INDEX pay_record_organisation_idx ON pay_record (organisation_ods_code, effective_from);

