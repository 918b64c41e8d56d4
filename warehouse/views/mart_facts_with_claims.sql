-- Every linked fact with the claims that state it.
CREATE OR REPLACE VIEW mart_facts_with_claims AS
SELECT f.fact_key, f.label, f.kind AS fact_kind, f.status, f.n_articles, f.n_claims,
       c.claim_id, c.article_id, c.outlet, c.value_text, c.hedge, c.surface, c.sentence,
       c.article_title, c.published_date, c.date_value, c.date_precision, c.start_char, c.end_char
FROM facts f JOIN stg_claims c USING (fact_key)
ORDER BY f.status, f.fact_key, c.article_id;
