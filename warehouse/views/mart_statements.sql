-- Every statement with every report of it: which article (outlet, date) quotes which words.
-- `relation` says how the report belongs: quote (the words), fragment (part of them) or
-- paraphrase (an indirect report of a direct quote).
CREATE OR REPLACE VIEW mart_statements AS
SELECT s.statement_id, s.speaker_name AS speaker, s.status, s.n_articles, s.n_quotes, s.text AS statement,
       q.quote_id, q.article_id, q.outlet, q.published_date, q.article_title, q.kind, q.statement_relation AS relation,
       q.speaker_name AS credited_to, q.text AS wording, t.verdict AS transcript_verdict
FROM statements s
JOIN stg_quotes q USING (statement_id)
LEFT JOIN transcript_checks t USING (quote_id)
ORDER BY s.n_articles DESC, s.statement_id, q.published_date NULLS LAST, q.article_id, q.quote_id;
