-- Agenda for Change pay points by pay year; rows for a year are loaded from reference/afc-pay-scales-england.csv.
CREATE TABLE pay_point (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pay_year              varchar(7)    NOT NULL,
    effective_from        date          NOT NULL,
    band                  varchar(2)    NOT NULL,
    point                 smallint      NOT NULL,
    annual_gbp            numeric(10,2) NOT NULL,
    years_to_next_point   smallint,
    CONSTRAINT pay_point_unique UNIQUE (pay_year, band, point),
    CONSTRAINT pay_point_positive CHECK (annual_gbp > 0 AND point >= 1)
);

