-- Cookbook: what changed since the last run? What the latest completed run that changed
-- anything added, opened or rejected: a scheduled run that found nothing new does not hide
-- the changes of the run before it. A file rejected again (a FIFO, an unreadable file) is
-- not a change; its first rejection was.
CREATE OR REPLACE VIEW mart_changes_since_last_run AS
WITH first_rejections AS (
    SELECT i.run_id
    FROM rejected_inputs i JOIN runs r ON r.run_id = i.run_id
    WHERE NOT EXISTS (
        SELECT 1 FROM rejected_inputs e JOIN runs er ON er.run_id = e.run_id
        WHERE e.source_path = i.source_path AND er.started_at < r.started_at)
),
changed AS (
    SELECT run_id FROM articles
    UNION SELECT first_seen_run FROM discrepancies
    UNION SELECT run_id FROM first_rejections
),
last_run AS (
    SELECT run_id, started_at FROM runs
    WHERE status = 'completed' AND run_id IN (SELECT run_id FROM changed)
    ORDER BY started_at DESC, run_id DESC LIMIT 1
)
SELECT * FROM (
    SELECT r.run_id, r.started_at, 'article added' AS change, a.article_id AS item,
           concat_ws(' · ', a.outlet, CAST(a.published_date AS VARCHAR), a.title) AS detail
    FROM last_run r JOIN articles a ON a.run_id = r.run_id
    UNION ALL
    SELECT r.run_id, r.started_at, 'discrepancy opened', d.discrepancy_id,
           concat(d.severity, ' · ', coalesce(f.label, d.fact_key, d.kind || ' of a statement'), ' · ', d.explanation)
    FROM last_run r JOIN discrepancies d ON d.first_seen_run = r.run_id
    LEFT JOIN facts f ON f.fact_key = d.fact_key
    UNION ALL
    SELECT r.run_id, r.started_at, 'input rejected', i.source_path, i.reason
    FROM last_run r JOIN rejected_inputs i ON i.run_id = r.run_id
)
ORDER BY CASE change WHEN 'discrepancy opened' THEN 0 WHEN 'article added' THEN 1 ELSE 2 END, item;
