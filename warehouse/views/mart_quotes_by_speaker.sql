-- Who is quoted, how often, in how many articles and outlets: one row per speaker (its
-- canonical name; name variants the articles print, "Paul D. Ryan" / "Paul Ryan", are one
-- speaker after corpus-level linking), one for unattributed quotes.
CREATE OR REPLACE VIEW mart_quotes_by_speaker AS
SELECT coalesce(s.canonical_name, q.speaker_name, '(unattributed)') AS speaker,
       count(*) AS quotes,
       count(DISTINCT q.article_id) AS articles,
       count(DISTINCT q.outlet) AS outlets,
       count(*) FILTER (WHERE q.kind = 'direct') AS direct,
       count(*) FILTER (WHERE q.kind = 'partial') AS partial,
       count(*) FILTER (WHERE q.kind = 'indirect') AS indirect,
       count(*) FILTER (WHERE q.kind = 'headline') AS headline,
       q.speaker_id
FROM stg_quotes q
LEFT JOIN speakers s USING (speaker_id)
GROUP BY q.speaker_id, 1
ORDER BY quotes DESC, speaker;
