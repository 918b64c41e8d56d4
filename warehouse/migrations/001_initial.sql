-- claimcheck warehouse, schema version 1.
-- Columns mirror the pydantic models in models/; tests/unit/test_schema.py keeps them in step.

CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR NOT NULL,
    articles_new       INTEGER NOT NULL DEFAULT 0,
    articles_skipped   INTEGER NOT NULL DEFAULT 0,
    articles_rejected  INTEGER NOT NULL DEFAULT 0,
    quotes_new         INTEGER NOT NULL DEFAULT 0,
    claims_new         INTEGER NOT NULL DEFAULT 0,
    discrepancies_new  INTEGER NOT NULL DEFAULT 0,
    version            VARCHAR NOT NULL
);

-- One row per input file seen, so unchanged files are skipped without parsing them.
CREATE TABLE IF NOT EXISTS source_files (
    source_path     VARCHAR PRIMARY KEY,
    content_sha256  VARCHAR NOT NULL,
    run_id          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id           VARCHAR PRIMARY KEY,
    source_path          VARCHAR NOT NULL,
    content_sha256       VARCHAR NOT NULL,
    title                VARCHAR,
    outlet               VARCHAR,
    url                  VARCHAR,
    published_date       DATE,
    published_precision  VARCHAR NOT NULL,
    published_source     VARCHAR,
    body                 VARCHAR NOT NULL,
    ingested_at          TIMESTAMP,
    run_id               VARCHAR
);

CREATE TABLE IF NOT EXISTS speakers (
    speaker_id      VARCHAR PRIMARY KEY,
    canonical_name  VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    role            VARCHAR,
    organisation    VARCHAR,
    gender          VARCHAR,
    origin          VARCHAR
);

CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker_id  VARCHAR NOT NULL,
    alias       VARCHAR NOT NULL,
    PRIMARY KEY (speaker_id, alias)
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id      VARCHAR PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    speaker_id    VARCHAR,
    speaker_name  VARCHAR,
    speaker_text  VARCHAR,
    kind          VARCHAR NOT NULL,
    text          VARCHAR NOT NULL,
    cue           VARCHAR,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    confidence    DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id        VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    quote_id        VARCHAR,
    kind            VARCHAR NOT NULL,
    surface         VARCHAR NOT NULL,
    sentence        VARCHAR NOT NULL,
    value_num       DOUBLE,
    value_low       DOUBLE,
    value_high      DOUBLE,
    unit            VARCHAR,
    hedge           VARCHAR NOT NULL,
    date_value      DATE,
    date_precision  VARCHAR,
    fact_key        VARCHAR,
    event           VARCHAR,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS facts (
    fact_key    VARCHAR PRIMARY KEY,
    kind        VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    n_articles  INTEGER NOT NULL,
    n_claims    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS discrepancies (
    discrepancy_id  VARCHAR PRIMARY KEY,
    fact_key        VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    explanation     VARCHAR NOT NULL,
    first_seen_run  VARCHAR
);

CREATE TABLE IF NOT EXISTS discrepancy_members (
    discrepancy_id  VARCHAR NOT NULL,
    claim_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    side            VARCHAR NOT NULL,
    PRIMARY KEY (discrepancy_id, claim_id)
);

CREATE TABLE IF NOT EXISTS rejected_inputs (
    run_id       VARCHAR,
    source_path  VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL
);
