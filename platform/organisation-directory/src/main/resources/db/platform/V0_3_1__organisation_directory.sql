-- organisation-directory's own tables: roles-service's organisations as its events describe them.
CREATE TABLE directory_organisation (
    ods_code            varchar(10)  PRIMARY KEY,
    name                varchar(200) NOT NULL,
    type                varchar(30)  NOT NULL,
    valid_from          date,
    valid_to            date,
    successor_ods_code  varchar(10),
    source_version      integer      NOT NULL,
    updated_at          timestamptz  NOT NULL
);

-- Which ICB each organisation belongs to, over time; replaced whole with every newer version.
CREATE TABLE directory_icb_membership (
    ods_code      varchar(10) NOT NULL REFERENCES directory_organisation (ods_code) ON DELETE CASCADE,
    icb_ods_code  varchar(10) NOT NULL,
    valid_from    date        NOT NULL,
    valid_to      date,
    PRIMARY KEY (ods_code, icb_ods_code, valid_from)
);
CREATE INDEX directory_icb_membership_icb_idx ON directory_icb_membership (icb_ods_code, valid_from);
