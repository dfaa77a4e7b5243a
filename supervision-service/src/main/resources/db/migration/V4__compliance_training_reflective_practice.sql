-- When each session was planned: the grace period for recording it runs from the later of its end and this, so
-- history planned today (an agreement begun months ago) is not marked missed tonight.
ALTER TABLE supervision_session ADD COLUMN planned_at timestamptz NOT NULL DEFAULT now();

-- Compliance: where each agreement stands against its minimum standard, each supervisee against the supervision
-- their role asks for, and each supervisor against their capacity. Dates and states only.
ALTER TABLE agreement
    ADD COLUMN standing        varchar(10) NOT NULL DEFAULT 'COMPLIANT',
    ADD COLUMN standing_since  date,
    ADD COLUMN last_held_on    date;
CREATE INDEX agreement_standing_idx ON agreement (organisation_code, status, standing);

ALTER TABLE supervisee
    ADD COLUMN standing             varchar(12)  NOT NULL DEFAULT 'COMPLIANT',
    ADD COLUMN standing_since       date,
    ADD COLUMN missing_supervision  varchar(200);

ALTER TABLE supervisor
    ADD COLUMN over_capacity boolean NOT NULL DEFAULT false;

-- Reflective practice groups: a facilitator (a registered supervisor), members by opaque staff reference, a weekly
-- cadence planned by the same engine as agreements, and attendance per meeting. Nothing said in a group is kept.
CREATE TABLE reflective_group (
    id                 uuid         PRIMARY KEY,
    organisation_code  varchar(10)  NOT NULL,
    name               varchar(120) NOT NULL,
    facilitator_id     uuid         NOT NULL REFERENCES supervisor (id),
    rule               varchar(200) NOT NULL,
    first_day          date         NOT NULL,
    time_of_day        time         NOT NULL,
    duration_minutes   smallint     NOT NULL,
    last_day           date,
    status             varchar(10)  NOT NULL,
    planned_until      date,
    version            integer      NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
CREATE INDEX reflective_group_organisation_idx ON reflective_group (organisation_code, status);

CREATE TABLE reflective_group_member (
    group_id         uuid        NOT NULL REFERENCES reflective_group (id) ON DELETE CASCADE,
    staff_reference  varchar(64) NOT NULL,
    joined_on        date        NOT NULL,
    PRIMARY KEY (group_id, staff_reference)
);
CREATE INDEX reflective_group_member_idx ON reflective_group_member (staff_reference);

CREATE TABLE group_session (
    id                   uuid         PRIMARY KEY,
    group_id             uuid         NOT NULL REFERENCES reflective_group (id),
    organisation_code    varchar(10)  NOT NULL,
    facilitator_id       uuid         NOT NULL,
    occurrence           timestamp    NOT NULL,
    starts_at            timestamptz,
    ends_at              timestamptz,
    status               varchar(12)  NOT NULL,
    placement_note       varchar(300),
    cancelled_by         varchar(12),
    cancellation_reason  varchar(30),
    sequence             integer      NOT NULL,
    version              integer      NOT NULL,
    planned_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT group_session_occurrence_unique UNIQUE (group_id, occurrence),
    CONSTRAINT group_session_placed CHECK ((status = 'UNSCHEDULED') = (starts_at IS NULL))
);
CREATE INDEX group_session_facilitator_idx ON group_session (facilitator_id, starts_at);
CREATE INDEX group_session_status_idx ON group_session (status, starts_at);

CREATE TABLE group_attendance (
    group_session_id  uuid        NOT NULL REFERENCES group_session (id) ON DELETE CASCADE,
    staff_reference   varchar(64) NOT NULL,
    attended          boolean     NOT NULL,
    PRIMARY KEY (group_session_id, staff_reference)
);
CREATE INDEX group_attendance_person_idx ON group_attendance (staff_reference, attended);

-- The training programme: cohorts with a curriculum, trainees by opaque reference (not necessarily post holders yet),
-- each with a mentor whose weekly sessions are a MENTORING agreement, attendance per module, and how each finished.
CREATE TABLE training_cohort (
    id                 uuid         PRIMARY KEY,
    organisation_code  varchar(10)  NOT NULL,
    name               varchar(120) NOT NULL,
    start_date         date         NOT NULL,
    weeks              smallint     NOT NULL,
    version            integer      NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    CONSTRAINT training_cohort_weeks CHECK (weeks BETWEEN 1 AND 52)
);
CREATE INDEX training_cohort_organisation_idx ON training_cohort (organisation_code, start_date);

CREATE TABLE cohort_module (
    cohort_id     uuid         NOT NULL REFERENCES training_cohort (id) ON DELETE CASCADE,
    position      integer      NOT NULL,
    name          varchar(120) NOT NULL,
    planned_week  integer      NOT NULL,
    PRIMARY KEY (cohort_id, position)
);

CREATE TABLE trainee (
    id                      uuid         PRIMARY KEY,
    cohort_id               uuid         NOT NULL REFERENCES training_cohort (id),
    organisation_code       varchar(10)  NOT NULL,
    trainee_reference       varchar(64)  NOT NULL,
    mentor_id               uuid         REFERENCES supervisor (id),
    mentor_is_lxp           boolean,
    mentoring_agreement_id  uuid         REFERENCES agreement (id),
    status                  varchar(10)  NOT NULL,
    withdrawal_reason       varchar(40),
    finished_on             date,
    recruited_post_id       uuid,
    version                 integer      NOT NULL,
    enrolled_at             timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    CONSTRAINT trainee_unique UNIQUE (cohort_id, trainee_reference)
);
CREATE INDEX trainee_organisation_idx ON trainee (organisation_code, status);

CREATE TABLE module_attendance (
    trainee_id       uuid     NOT NULL REFERENCES trainee (id) ON DELETE CASCADE,
    module_position  integer  NOT NULL,
    attended         boolean  NOT NULL,
    PRIMARY KEY (trainee_id, module_position)
);

-- Organisations whose published compliance figures are due a refresh: changes mark them, a job publishes each once
-- the changes have settled (debounced), so a burst of outcomes makes one event, not hundreds.
CREATE TABLE figures_refresh (
    organisation_code  varchar(10) PRIMARY KEY,
    requested_at       timestamptz NOT NULL
);
