-- What became of each dead letter an operator replayed: the parked record stays on its .dlq topic, this says it is dealt with.
CREATE TABLE dead_letter_replay (
    dlq_topic    varchar(249) NOT NULL,
    partition    integer      NOT NULL,
    "offset"     bigint       NOT NULL,
    consumer     varchar(200) NOT NULL,
    event_id     varchar(200),
    outcome      varchar(20)  NOT NULL,
    detail       text,
    replayed_by  varchar(300) NOT NULL,
    replayed_at  timestamptz  NOT NULL,
    PRIMARY KEY (dlq_topic, partition, "offset")
);
