-- Cookbook: every quote containing a number (a digit, or a date/number claim found inside it).
CREATE OR REPLACE VIEW mart_quotes_with_numbers AS
SELECT coalesce(q.speaker_name, '(unattributed)') AS speaker, q.kind, q.text AS quote,
       string_agg(c.value_text, '; ' ORDER BY c.start_char) AS numbers,
       q.article_id, q.outlet, q.published_date, q.quote_id
FROM stg_quotes q
LEFT JOIN stg_claims c ON c.quote_id = q.quote_id
GROUP BY ALL
HAVING count(c.claim_id) > 0 OR regexp_matches(any_value(q.text), '\d')
ORDER BY speaker, q.article_id, q.quote_id;
