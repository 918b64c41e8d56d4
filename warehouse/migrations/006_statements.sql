-- Statements (issue 17): quotes of several articles that report one utterance, quote
-- discrepancies (kinds `wording`, `attribution`) in the shared discrepancies table, and
-- transcripts as primary sources. Columns mirror models/statement.py, models/fact.py.

CREATE TABLE IF NOT EXISTS statements (
    statement_id  VARCHAR PRIMARY KEY,
    speaker_id    VARCHAR,
    speaker_name  VARCHAR,
    text          VARCHAR NOT NULL,
    n_quotes      INTEGER NOT NULL,
    n_articles    INTEGER NOT NULL,
    status        VARCHAR NOT NULL
);

ALTER TABLE quotes ADD COLUMN IF NOT EXISTS statement_id VARCHAR;
-- quote | fragment | paraphrase: how the quote belongs to its statement.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS statement_relation VARCHAR;

ALTER TABLE articles ADD COLUMN IF NOT EXISTS article_type VARCHAR DEFAULT 'article';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS transcript_speaker VARCHAR;

-- A quote discrepancy belongs to a statement, not a fact.
ALTER TABLE discrepancies ADD COLUMN IF NOT EXISTS statement_id VARCHAR;
ALTER TABLE discrepancies ALTER COLUMN fact_key DROP NOT NULL;

-- Members are claims (fact discrepancies) or quotes (claim_id NULL): claim_id leaves the
-- primary key, so the table is rebuilt (DuckDB cannot drop a key column's constraint).
CREATE TABLE discrepancy_members_006 (
    discrepancy_id  VARCHAR NOT NULL,
    claim_id        VARCHAR,
    article_id      VARCHAR NOT NULL,
    side            VARCHAR NOT NULL,
    quote_id        VARCHAR,
    CHECK (claim_id IS NOT NULL OR quote_id IS NOT NULL)
);
INSERT INTO discrepancy_members_006 (discrepancy_id, claim_id, article_id, side)
SELECT discrepancy_id, claim_id, article_id, side FROM discrepancy_members;
DROP TABLE discrepancy_members;
ALTER TABLE discrepancy_members_006 RENAME TO discrepancy_members;

CREATE TABLE IF NOT EXISTS transcript_checks (
    quote_id         VARCHAR PRIMARY KEY,
    transcript_id    VARCHAR NOT NULL,
    verdict          VARCHAR NOT NULL,
    severity         VARCHAR,
    transcript_text  VARCHAR,
    explanation      VARCHAR NOT NULL
);
