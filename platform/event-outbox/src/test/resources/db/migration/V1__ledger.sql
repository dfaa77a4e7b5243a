-- The test application's own change and its projection, standing in for a service's aggregate and read model.
CREATE TABLE ledger_entry (
    aggregate_id  varchar(200) NOT NULL,
    sequence      integer      NOT NULL,
    PRIMARY KEY (aggregate_id, sequence)
);

CREATE TABLE applied_effect (
    aggregate_id   varchar(200) NOT NULL,
    sequence       integer      NOT NULL,
    applied_count  integer      NOT NULL,
    PRIMARY KEY (aggregate_id, sequence)
);

CREATE TABLE projection_progress (
    aggregate_id   varchar(200) PRIMARY KEY,
    last_sequence  integer      NOT NULL,
    out_of_order   integer      NOT NULL
);
