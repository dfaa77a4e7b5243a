-- Co-produced role development: readiness questions, steering groups and their decisions, regular role reviews.

-- The national topics (loaded by V10 from the shipped list) have no owner; an organisation may add its own.
CREATE TABLE readiness_topic (
    id                      uuid         PRIMARY KEY,
    owner_ods_code          varchar(10),
    code                    varchar(40)  NOT NULL,
    topic                   varchar(120) NOT NULL,
    what_the_answer_covers  varchar(500) NOT NULL,
    position                integer      NOT NULL
);
CREATE UNIQUE INDEX readiness_topic_code_idx ON readiness_topic (coalesce(owner_ods_code, ''), code);

ALTER TABLE role_profile
    ADD COLUMN readiness_answers      jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN steering_decisions     jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN reviews                jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN last_material_revision integer NOT NULL DEFAULT 1,
    ADD COLUMN last_material_change_at timestamptz,
    ADD COLUMN title_at_last_material_change varchar(200),
    ADD COLUMN publication_approved   boolean NOT NULL DEFAULT false,
    ADD COLUMN review_due             date,
    ADD COLUMN review_overdue_since   date;

-- What a profile says today is what its last revision made it; an organisation's profile published before reviews
-- existed is due its first review a year after it last changed (national templates are not reviewed this way).
UPDATE role_profile SET last_material_revision = revision, last_material_change_at = updated_at,
    title_at_last_material_change = title;
ALTER TABLE role_profile ALTER COLUMN last_material_change_at SET NOT NULL,
    ALTER COLUMN title_at_last_material_change SET NOT NULL;
UPDATE role_profile SET review_due = ((updated_at AT TIME ZONE 'Europe/London')::date + interval '12 months')::date
    WHERE status = 'PUBLISHED' AND owner_ods_code IS NOT NULL;
CREATE INDEX role_profile_review_due_idx ON role_profile (review_due) WHERE status = 'PUBLISHED';

CREATE TABLE steering_group (
    id                               uuid         PRIMARY KEY,
    owner_ods_code                   varchar(10)  NOT NULL,
    name                             varchar(200) NOT NULL,
    quorum_minimum_present           integer      NOT NULL,
    quorum_minimum_lived_experience  integer      NOT NULL,
    quorum_minimum_not_staff         integer      NOT NULL CHECK (quorum_minimum_not_staff >= 1),
    version                          integer      NOT NULL,
    created_at                       timestamptz  NOT NULL,
    updated_at                       timestamptz  NOT NULL
);
CREATE INDEX steering_group_owner_idx ON steering_group (owner_ods_code, name, id);

-- Members by opaque reference and perspective only: never a name.
CREATE TABLE steering_group_member (
    steering_group_id  uuid        NOT NULL REFERENCES steering_group (id),
    member_ref         varchar(40) NOT NULL,
    perspective        varchar(30) NOT NULL
);
CREATE INDEX steering_group_member_group_idx ON steering_group_member (steering_group_id);

CREATE TABLE role_development_settings (
    ods_code                varchar(10) PRIMARY KEY,
    requires_co_production  boolean     NOT NULL,
    review_every_months     integer     NOT NULL CHECK (review_every_months BETWEEN 1 AND 60),
    version                 integer     NOT NULL,
    updated_at              timestamptz
);
