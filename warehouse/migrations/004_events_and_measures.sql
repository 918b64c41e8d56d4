-- Schema version 4: what a count measures, whether a figure is told as an update ("rose
-- to"), and the events articles report (tasks/linking/events.py), so users can ask which
-- articles cover one event.

ALTER TABLE claims ADD COLUMN measure VARCHAR;
ALTER TABLE claims ADD COLUMN is_update BOOLEAN DEFAULT false;

CREATE TABLE IF NOT EXISTS events (
    event_id         VARCHAR PRIMARY KEY,
    label            VARCHAR NOT NULL,
    first_published  DATE,
    last_published   DATE,
    n_articles       INTEGER NOT NULL,
    places           VARCHAR[]
);

CREATE TABLE IF NOT EXISTS article_events (
    article_id  VARCHAR PRIMARY KEY,
    event_id    VARCHAR NOT NULL
);

-- A figure that a later report raises ("the toll rose to 18") is an update of the earlier
-- one, recorded here with both publication dates instead of as a contradiction.
CREATE TABLE IF NOT EXISTS fact_updates (
    fact_key          VARCHAR NOT NULL,
    earlier_side      VARCHAR NOT NULL,
    later_side        VARCHAR NOT NULL,
    earlier_published DATE,
    later_published   DATE,
    explanation       VARCHAR NOT NULL,
    PRIMARY KEY (fact_key, earlier_side, later_side)
);
