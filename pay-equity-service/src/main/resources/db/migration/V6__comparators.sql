-- Anonymised comparator workforce: no identifiers at all, one row per employee, replaced per organisation.
CREATE TABLE comparator_snapshot (
    organisation_ods_code  varchar(10) PRIMARY KEY,
    as_of                  date        NOT NULL,
    record_count           integer     NOT NULL,
    loaded_at              timestamptz NOT NULL
);

CREATE TABLE comparator_record (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_ods_code  varchar(10)   NOT NULL REFERENCES comparator_snapshot (organisation_ods_code) ON DELETE CASCADE,
    staff_group_code       varchar(2)    NOT NULL,
    band                   varchar(2)    NOT NULL,
    point                  smallint      NOT NULL,
    fte                    numeric(4, 2) NOT NULL,
    fixed_term             boolean       NOT NULL
);
CREATE INDEX comparator_record_cohort_idx ON comparator_record (staff_group_code, organisation_ods_code, band, point);
