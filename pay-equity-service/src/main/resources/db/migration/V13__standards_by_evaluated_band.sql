-- An ICB may agree a band for the roles its trusts' job evaluations put at a band ("roles evaluated at Band 4 weight
-- are paid at least Band 4") instead of for a role family and level: a standard is for one or the other.
ALTER TABLE system_pay_standard
    ALTER COLUMN family DROP NOT NULL,
    ALTER COLUMN level DROP NOT NULL,
    ADD COLUMN evaluated_band varchar(10),
    ADD CONSTRAINT system_pay_standard_subject CHECK (
        (family IS NOT NULL AND level IS NOT NULL AND evaluated_band IS NULL)
        OR (family IS NULL AND level IS NULL AND evaluated_band IS NOT NULL));
CREATE UNIQUE INDEX system_pay_standard_evaluated_start ON system_pay_standard (icb_ods_code, evaluated_band, effective_from)
    WHERE evaluated_band IS NOT NULL;
