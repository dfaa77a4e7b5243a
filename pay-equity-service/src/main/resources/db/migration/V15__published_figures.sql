-- What each compacted figures topic last said for each key, so that figures that did not change are not published
-- again: cost to close and the transparency view share it.
CREATE TABLE published_figures (
    topic         varchar(100) NOT NULL,
    figures_key   varchar(100) NOT NULL,
    digest        char(64)     NOT NULL,
    published_at  timestamptz  NOT NULL,
    PRIMARY KEY (topic, figures_key)
);
INSERT INTO published_figures (topic, figures_key, digest, published_at)
    SELECT 'lxp.pay-equity.cost-to-close-figures.v1', organisation_ods_code, digest, published_at
    FROM cost_to_close_figures_published;
DROP TABLE cost_to_close_figures_published;
