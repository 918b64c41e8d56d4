-- Cookbook: which statements does each speaker make about a fact?
-- A claim inside a quote is the speaker's statement of that fact's value.
CREATE OR REPLACE VIEW mart_speaker_fact_statements AS
SELECT coalesce(q.speaker_name, '(unattributed)') AS speaker,
       f.label AS fact, f.status AS fact_status, c.value_text AS says,
       q.kind AS quote_kind, q.article_id, q.outlet, q.published_date, q.text AS quote,
       c.fact_key, c.claim_id, q.quote_id
FROM stg_claims c
JOIN stg_quotes q ON q.quote_id = c.quote_id
JOIN facts f ON f.fact_key = c.fact_key
ORDER BY speaker, fact, q.published_date NULLS LAST, q.article_id;
