-- Which articles cover each event (tasks/linking/events.py groups them): one row per article.
CREATE OR REPLACE VIEW mart_event_coverage AS
SELECT e.event_id, e.label AS event_label, e.n_articles, e.first_published, e.last_published, e.places,
       a.article_id, a.title, a.outlet, a.published_date
FROM events e
JOIN article_events ae USING (event_id)
JOIN articles a USING (article_id)
ORDER BY e.n_articles DESC, e.event_id, a.published_date, a.article_id;
