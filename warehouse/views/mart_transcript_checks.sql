-- Quotes checked against official transcripts (articles with `Type: transcript`):
-- verbatim, altered (with the word-level difference) or not found.
CREATE OR REPLACE VIEW mart_transcript_checks AS
SELECT t.quote_id, q.speaker_name AS speaker, t.verdict, t.severity, q.text AS wording,
       t.transcript_text, t.explanation, q.article_id, q.outlet, q.published_date, q.article_title,
       t.transcript_id, a.title AS transcript_title, a.published_date AS transcript_date
FROM transcript_checks t
JOIN stg_quotes q USING (quote_id)
JOIN articles a ON a.article_id = t.transcript_id
ORDER BY CASE t.verdict WHEN 'altered' THEN 0 WHEN 'not_found' THEN 1 ELSE 2 END,
         CASE t.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, q.speaker_name, q.article_id, t.quote_id;
