-- Founding dates of many trusts are not recorded in the reference data: valid_from may be unknown.
ALTER TABLE organisation ALTER COLUMN valid_from DROP NOT NULL;
ALTER TABLE organisation DROP CONSTRAINT organisation_validity;
ALTER TABLE organisation ADD CONSTRAINT organisation_validity
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from);
ALTER TABLE organisation ADD COLUMN gss_code varchar(9);

-- Which ICB an organisation belongs to, over time: ICBs were created, merged and renamed.
CREATE TABLE icb_membership (
    organisation_id  uuid        NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    icb_ods_code     varchar(10) NOT NULL,
    valid_from       date        NOT NULL,
    valid_to         date,
    PRIMARY KEY (organisation_id, icb_ods_code, valid_from),
    CONSTRAINT icb_membership_validity CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX icb_membership_icb_idx ON icb_membership (icb_ods_code, valid_from);
