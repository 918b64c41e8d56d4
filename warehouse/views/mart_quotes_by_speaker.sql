-- Who is quoted, how often, in how many articles and outlets.
CREATE OR REPLACE VIEW mart_quotes_by_speaker AS
SELECT coalesce(speaker_name, '(unattributed)') AS speaker,
       count(*) AS quotes,
       count(DISTINCT article_id) AS articles,
       count(DISTINCT outlet) AS outlets,
       count(*) FILTER (WHERE kind = 'direct') AS direct,
       count(*) FILTER (WHERE kind = 'partial') AS partial,
       count(*) FILTER (WHERE kind = 'indirect') AS indirect,
       count(*) FILTER (WHERE kind = 'headline') AS headline
FROM stg_quotes
GROUP BY ALL
ORDER BY quotes DESC, speaker;
