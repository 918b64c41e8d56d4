-- Articles with how much was found in each: the base of per-article questions and the report's sources.
CREATE OR REPLACE VIEW stg_articles AS
SELECT a.*,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes,
       (SELECT count(*) FROM claims c WHERE c.article_id = a.article_id) AS n_claims
FROM articles a;
