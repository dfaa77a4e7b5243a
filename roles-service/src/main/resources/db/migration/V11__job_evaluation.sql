-- The NHS Job Evaluation Scheme, loaded by V12 from the shipped reference data and correctable by lxp-admin.
CREATE TABLE job_evaluation_factor_level (
    factor        integer      NOT NULL CHECK (factor BETWEEN 1 AND 16),
    level         integer      NOT NULL CHECK (level >= 1),
    factor_name   varchar(100) NOT NULL,
    points        integer      NOT NULL CHECK (points >= 0),
    corrected_at  timestamptz,
    PRIMARY KEY (factor, level)
);

CREATE TABLE job_weight_band_range (
    band          varchar(3)  PRIMARY KEY,
    min_score     integer     NOT NULL CHECK (min_score >= 0),
    max_score     integer     NOT NULL,
    corrected_at  timestamptz,
    CHECK (max_score >= min_score)
);

-- A profile's current evaluation; earlier ones stay in its revisions.
ALTER TABLE role_profile ADD COLUMN job_evaluation jsonb;
