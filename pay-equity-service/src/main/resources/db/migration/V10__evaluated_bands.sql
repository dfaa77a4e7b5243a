-- The job weight and the bands a profile's own job evaluation evidences, from roles-service's events.
ALTER TABLE role_profile
    ADD COLUMN job_weight_min  integer,
    ADD COLUMN job_weight_max  integer,
    ADD COLUMN evaluated_bands varchar(60);
