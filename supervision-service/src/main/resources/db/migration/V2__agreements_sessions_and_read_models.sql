-- Supervisors: whether and how senior an LXP they are, when they work, when they are away, and the work email used
-- for calendar invitations (the only email the suite stores). Leave is kept as days only, never a reason.
ALTER TABLE supervisor
    ADD COLUMN lived_experience_family varchar(60),
    ADD COLUMN lived_experience_level  varchar(40),
    ADD COLUMN working_days            varchar(70) NOT NULL DEFAULT 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY',
    ADD COLUMN working_from            time        NOT NULL DEFAULT '09:00',
    ADD COLUMN working_to              time        NOT NULL DEFAULT '17:00',
    ADD COLUMN work_email              varchar(254);

CREATE TABLE supervisor_away (
    supervisor_id  uuid NOT NULL REFERENCES supervisor (id) ON DELETE CASCADE,
    away_from      date NOT NULL,
    away_to        date NOT NULL,
    PRIMARY KEY (supervisor_id, away_from),
    CONSTRAINT supervisor_away_order CHECK (away_to >= away_from)
);

-- Role profiles as roles-service publishes them: what supervision each role needs, and how senior it is.
CREATE TABLE role_profile (
    id                        uuid         PRIMARY KEY,
    owner_ods_code            varchar(10),
    title                     varchar(200) NOT NULL,
    family                    varchar(60)  NOT NULL,
    level                     varchar(40)  NOT NULL,
    band                      varchar(10)  NOT NULL,
    supervision_requirements  jsonb        NOT NULL,
    status                    varchar(10)  NOT NULL,
    source_revision           integer      NOT NULL
);

-- Posts as roles-service publishes them: which post each person holds, by opaque staff reference only.
CREATE TABLE post (
    id                      uuid          PRIMARY KEY,
    organisation_code       varchar(10)   NOT NULL,
    role_profile_id         uuid          NOT NULL,
    fte                     numeric(4, 2) NOT NULL,
    status                  varchar(10)   NOT NULL,
    holder_staff_reference  varchar(64),
    filled_since            date,
    source_version          integer       NOT NULL
);
CREATE INDEX post_holder_idx ON post (organisation_code, holder_staff_reference);

-- The people supervised: post holders, with the working days and hours HR sends (else Monday to Friday, 9 to 5).
CREATE TABLE supervisee (
    id                 uuid         PRIMARY KEY,
    organisation_code  varchar(10)  NOT NULL,
    staff_reference    varchar(64)  NOT NULL,
    working_days       varchar(70),
    working_from       time,
    working_to         time,
    first_seen_at      timestamptz  NOT NULL,
    version            integer      NOT NULL,
    CONSTRAINT supervisee_unique UNIQUE (organisation_code, staff_reference)
);

-- One organisation's supervisors may supervise another's LXPs while an arrangement between them lasts.
CREATE TABLE supervision_arrangement (
    id                      uuid         PRIMARY KEY,
    provider_organisation   varchar(10)  NOT NULL,
    receiving_organisation  varchar(10)  NOT NULL,
    valid_from              date         NOT NULL,
    valid_to                date,
    created_at              timestamptz  NOT NULL,
    CONSTRAINT arrangement_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT arrangement_not_to_itself CHECK (provider_organisation <> receiving_organisation)
);
CREATE INDEX arrangement_receiving_idx ON supervision_arrangement (receiving_organisation, provider_organisation);

-- England and Wales bank holidays, from reference/bank-holidays-england-wales.csv and one-off additions.
CREATE TABLE bank_holiday (
    day     date         PRIMARY KEY,
    name    varchar(100) NOT NULL,
    one_off boolean      NOT NULL
);

-- A supervision agreement: who supervises whom, how, how often (an RFC 5545 rule from a wall-clock first meeting),
-- and the minimum standard (at least one session held in any so many days).
CREATE TABLE agreement (
    id                          uuid         PRIMARY KEY,
    organisation_code           varchar(10)  NOT NULL,
    supervisee_staff_reference  varchar(64)  NOT NULL,
    supervisor_id               uuid         NOT NULL REFERENCES supervisor (id),
    supervisor_staff_reference  varchar(64)  NOT NULL,
    type                        varchar(40)  NOT NULL,
    rule                        varchar(200) NOT NULL,
    first_day                   date         NOT NULL,
    time_of_day                 time         NOT NULL,
    duration_minutes            smallint     NOT NULL,
    last_day                    date,
    minimum_every_days          smallint     NOT NULL,
    status                      varchar(10)  NOT NULL,
    planned_until               date,
    version                     integer      NOT NULL,
    created_at                  timestamptz  NOT NULL,
    updated_at                  timestamptz  NOT NULL
);
CREATE INDEX agreement_supervisor_idx ON agreement (supervisor_id, status);
CREATE INDEX agreement_supervisee_idx ON agreement (organisation_code, supervisee_staff_reference, status);

-- Sessions: dates, status and attendance only, never what was discussed. "occurrence" is the wall-clock start the
-- agreement's rule gives (the session's identity within its series); starts_at is where it was placed, in UTC.
CREATE TABLE supervision_session (
    id                          uuid          PRIMARY KEY,
    agreement_id                uuid          NOT NULL REFERENCES agreement (id),
    organisation_code           varchar(10)   NOT NULL,
    supervisor_id               uuid          NOT NULL,
    supervisor_staff_reference  varchar(64)   NOT NULL,
    supervisee_staff_reference  varchar(64)   NOT NULL,
    type                        varchar(40)   NOT NULL,
    occurrence                  timestamp     NOT NULL,
    starts_at                   timestamptz,
    ends_at                     timestamptz,
    status                      varchar(12)   NOT NULL,
    placement_note              varchar(300),
    cancelled_by                varchar(12),
    cancellation_reason         varchar(30),
    attended                    boolean,
    sequence                    integer       NOT NULL,
    version                     integer       NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    CONSTRAINT session_occurrence_unique UNIQUE (agreement_id, occurrence),
    CONSTRAINT session_placed CHECK ((status = 'UNSCHEDULED') = (starts_at IS NULL))
);
CREATE INDEX session_supervisor_idx ON supervision_session (supervisor_id, starts_at);
CREATE INDEX session_supervisee_idx ON supervision_session (organisation_code, supervisee_staff_reference, starts_at);
CREATE INDEX session_status_idx ON supervision_session (status, starts_at);

-- Calendar feeds: reached by an unguessable token (only its SHA-256 is kept), revocable.
CREATE TABLE calendar_feed (
    id                 uuid         PRIMARY KEY,
    token_hash         varchar(64)  NOT NULL UNIQUE,
    owner              varchar(12)  NOT NULL,
    organisation_code  varchar(10)  NOT NULL,
    staff_reference    varchar(64)  NOT NULL,
    created_by         varchar(300) NOT NULL,
    created_at         timestamptz  NOT NULL,
    revoked_at         timestamptz
);
CREATE INDEX calendar_feed_owner_idx ON calendar_feed (organisation_code, staff_reference);
