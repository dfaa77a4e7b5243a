CREATE TABLE role_profile (
    id                         uuid         PRIMARY KEY,
    owner_ods_code             varchar(10),
    template_id                uuid         REFERENCES role_profile (id),
    title                      varchar(200) NOT NULL,
    family                     varchar(50)  NOT NULL,
    level                      varchar(30)  NOT NULL,
    lived_experience_criterion jsonb        NOT NULL,
    band                       varchar(10)  NOT NULL,
    contract_basis             varchar(20)  NOT NULL,
    staff_group_code           varchar(2)   NOT NULL,
    patient_facing             boolean      NOT NULL,
    competence_domains         jsonb        NOT NULL,
    supervision_requirements   jsonb        NOT NULL,
    status                     varchar(10)  NOT NULL,
    revision                   integer      NOT NULL,
    version                    integer      NOT NULL,
    created_at                 timestamptz  NOT NULL,
    updated_at                 timestamptz  NOT NULL,
    CONSTRAINT role_profile_staff_group CHECK (staff_group_code IN ('01','02','03','04','05','06','07','08','09','10'))
);
CREATE INDEX role_profile_owner_idx ON role_profile (owner_ods_code, title, id);
CREATE INDEX role_profile_catalogue_idx ON role_profile (family, level, band, status);

-- Every revision of every profile, as it stood: the profile on any past day can be read back.
CREATE TABLE role_profile_revision (
    role_profile_id  uuid        NOT NULL REFERENCES role_profile (id),
    revision         integer     NOT NULL,
    recorded_at      timestamptz NOT NULL,
    status           varchar(10) NOT NULL,
    snapshot         jsonb       NOT NULL,
    PRIMARY KEY (role_profile_id, revision)
);
CREATE INDEX role_profile_revision_time_idx ON role_profile_revision (role_profile_id, recorded_at);
