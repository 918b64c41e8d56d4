-- Open discrepancies with every member claim: which article says what, in which sentence.
CREATE OR REPLACE VIEW mart_open_discrepancies AS
SELECT d.discrepancy_id, d.fact_key, f.label AS fact, d.kind, d.severity, d.first_seen_run,
       m.side, m.article_id, c.outlet, c.article_title, c.published_date, c.surface, c.sentence,
       d.explanation, m.claim_id, c.value_text, c.start_char, c.end_char
FROM discrepancies d
JOIN discrepancy_members m USING (discrepancy_id)
JOIN stg_claims c ON c.claim_id = m.claim_id
LEFT JOIN facts f ON f.fact_key = d.fact_key
WHERE d.status = 'open'
ORDER BY CASE d.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, d.fact_key, m.side, m.article_id;
