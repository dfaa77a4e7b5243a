-- api-conventions' own tables, in every service's database (see docs/api-conventions.md, "Tables").

-- Who changed what, when (Audit): written in the transaction of the change itself.
CREATE TABLE audit_record (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(300) NOT NULL,
    action       varchar(100) NOT NULL,
    entity_type  varchar(100) NOT NULL,
    entity_id    varchar(200) NOT NULL,
    details      jsonb        NOT NULL
);
CREATE INDEX audit_record_entity_idx ON audit_record (entity_type, entity_id, occurred_at);

-- Responses of requests sent with an Idempotency-Key (IdempotentRequests), purged after their retention.
CREATE TABLE idempotent_request (
    client       varchar(300) NOT NULL,
    key          varchar(128) NOT NULL,
    fingerprint  varchar(64)  NOT NULL,
    status       integer      NOT NULL,
    body         text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (client, key)
);
CREATE INDEX idempotent_request_age_idx ON idempotent_request (created_at);
