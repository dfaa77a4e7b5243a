-- National funding programmes for LXP posts (such as NHS England's December 2020 offer of a Band 7 lived experience
-- post to every mental health trust) and each eligible organisation's application, so that whether the funded posts
-- exist, and why organisations did not apply, is answerable.
CREATE TABLE funding_programme (
    id                           uuid          PRIMARY KEY,
    name                         varchar(200)  NOT NULL,
    funder                       varchar(200)  NOT NULL,
    offered_on                   date          NOT NULL,
    applications_open            date          NOT NULL,
    applications_close           date          NOT NULL,
    funded_band                  varchar(10)   NOT NULL,
    family                       varchar(60)   NOT NULL,
    level                        varchar(40)   NOT NULL,
    posts_per_organisation       integer       NOT NULL,
    amount_per_organisation_gbp  numeric(12, 2),
    created_at                   timestamptz   NOT NULL,
    version                      integer       NOT NULL,
    CONSTRAINT funding_programme_name UNIQUE (name),
    CONSTRAINT funding_programme_window CHECK (applications_close >= applications_open),
    CONSTRAINT funding_programme_posts CHECK (posts_per_organisation BETWEEN 1 AND 100)
);

CREATE TABLE funding_programme_eligible (
    programme_id           uuid         NOT NULL REFERENCES funding_programme (id),
    organisation_ods_code  varchar(10)  NOT NULL,
    PRIMARY KEY (programme_id, organisation_ods_code)
);

-- Reasons for not applying are codes from a fixed list, comma-separated.
CREATE TABLE funding_application (
    programme_id           uuid          NOT NULL REFERENCES funding_programme (id),
    organisation_ods_code  varchar(10)   NOT NULL,
    state                  varchar(12)   NOT NULL,
    decided_not_to_apply_on date,
    applied_on             date,
    decided_on             date,
    withdrawn_on           date,
    reasons                varchar(300),
    reason_text            varchar(500),
    version                integer       NOT NULL,
    updated_at             timestamptz   NOT NULL,
    PRIMARY KEY (programme_id, organisation_ods_code)
);

-- A post funded by a programme names it; its funding stream stays free text for funding no programme describes.
ALTER TABLE post ADD COLUMN funding_programme_id uuid REFERENCES funding_programme (id);
CREATE INDEX post_funding_programme_idx ON post (funding_programme_id) WHERE funding_programme_id IS NOT NULL;
