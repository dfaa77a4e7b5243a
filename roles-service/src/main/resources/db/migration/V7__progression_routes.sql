-- How one role leads to another: a practice route (deeper practice) or a managerial route (leading others).
CREATE TABLE progression_route (
    id               uuid         PRIMARY KEY,
    from_profile_id  uuid         NOT NULL REFERENCES role_profile (id),
    to_profile_id    uuid         NOT NULL REFERENCES role_profile (id),
    kind             varchar(12)  NOT NULL,
    requirements     jsonb        NOT NULL,
    version          integer      NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT progression_route_not_to_itself CHECK (from_profile_id <> to_profile_id),
    CONSTRAINT progression_route_unique UNIQUE (from_profile_id, to_profile_id, kind)
);
CREATE INDEX progression_route_to_idx ON progression_route (to_profile_id);
