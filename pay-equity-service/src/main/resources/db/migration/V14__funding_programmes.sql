-- Copies of roles-service's national funding programmes and each eligible organisation's answer, and the programme a
-- post names, for the rules that ask whether the funded posts appeared.
CREATE TABLE funding_programme (
    id                      uuid          PRIMARY KEY,
    name                    varchar(200)  NOT NULL,
    funded_band             varchar(10)   NOT NULL,
    posts_per_organisation  integer       NOT NULL,
    source_version          integer       NOT NULL
);

CREATE TABLE funding_answer (
    programme_id           uuid          NOT NULL REFERENCES funding_programme (id),
    organisation_ods_code  varchar(10)   NOT NULL,
    state                  varchar(12)   NOT NULL,
    awarded_on             date,
    source_version         integer       NOT NULL,
    PRIMARY KEY (programme_id, organisation_ods_code)
);

-- The day a post became vacant (HR's day when it sent one, else the day of the event), for how long a funded post has
-- stood empty.
ALTER TABLE post
    ADD COLUMN funding_programme_id uuid,
    ADD COLUMN vacant_since date;
