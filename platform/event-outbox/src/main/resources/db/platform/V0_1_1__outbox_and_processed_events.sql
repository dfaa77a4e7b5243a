-- event-outbox's own tables, in every service's database (see docs/events.md).

-- The transactional outbox: written in the transaction of the change, published by the relay, purged after retention.
CREATE TABLE outbox_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid         NOT NULL UNIQUE,
    aggregate_type  varchar(100) NOT NULL,
    aggregate_id    varchar(200) NOT NULL,
    event_type      varchar(200) NOT NULL,
    topic           varchar(249) NOT NULL,
    data_schema     varchar(300) NOT NULL,
    payload         jsonb        NOT NULL,
    traceparent     varchar(55),
    created_at      timestamptz  NOT NULL,
    published_at    timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Each consumer's memory of the events whose effect it has committed, purged after retention.
CREATE TABLE processed_event (
    consumer      varchar(200) NOT NULL,
    event_id      varchar(200) NOT NULL,
    processed_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_age_idx ON processed_event (processed_at);
