-- Cookbook: what changed since the last run? What the latest completed run added, opened or rejected.
CREATE OR REPLACE VIEW mart_changes_since_last_run AS
WITH last_run AS (
    SELECT run_id, started_at FROM runs WHERE status = 'completed' ORDER BY started_at DESC, run_id DESC LIMIT 1
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
