-- Open quote discrepancies (kinds wording and attribution) with every member quote:
-- the side is the variant of the words, or the speaker they are credited to.
CREATE OR REPLACE VIEW mart_quote_discrepancies AS
SELECT d.discrepancy_id, d.statement_id, s.speaker_name AS speaker, s.text AS statement, d.kind, d.severity,
       d.first_seen_run, d.explanation, m.side, m.article_id, q.outlet, q.article_title, q.published_date,
       m.quote_id, q.kind AS quote_kind, q.speaker_name AS credited_to, q.text AS wording,
       t.verdict AS transcript_verdict
FROM discrepancies d
JOIN discrepancy_members m USING (discrepancy_id)
JOIN stg_quotes q ON q.quote_id = m.quote_id
LEFT JOIN transcript_checks t ON t.quote_id = m.quote_id
LEFT JOIN statements s ON s.statement_id = d.statement_id
WHERE d.status = 'open' AND d.statement_id IS NOT NULL
ORDER BY CASE d.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, d.kind, d.statement_id, d.discrepancy_id,
         m.side, m.article_id, m.quote_id;
