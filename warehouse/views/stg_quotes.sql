-- Quotes with their article's outlet and date: the base every quote question starts from.
CREATE OR REPLACE VIEW stg_quotes AS
SELECT q.*, a.title AS article_title, a.outlet, a.published_date
FROM quotes q JOIN articles a USING (article_id);
