-- What each organisation's cost-to-close figures event last said, so an organisation whose figures did not change is
-- not published again. The digest (SHA-256, hex) covers the whole event, pay year included.
CREATE TABLE cost_to_close_figures_published (
    organisation_ods_code  varchar(10) PRIMARY KEY,
    digest                 char(64)    NOT NULL,
    published_at           timestamptz NOT NULL
);
