-- Cookbook: discrepancies by severity, with how many articles and outlets each level involves.
CREATE OR REPLACE VIEW mart_discrepancies_by_severity AS
SELECT d.severity, d.status,
       count(DISTINCT d.discrepancy_id) AS discrepancies,
       count(DISTINCT m.article_id) AS articles,
       count(DISTINCT a.outlet) AS outlets,
       string_agg(DISTINCT coalesce(f.label, d.fact_key), '; ' ORDER BY coalesce(f.label, d.fact_key)) AS facts
FROM discrepancies d
LEFT JOIN discrepancy_members m USING (discrepancy_id)
LEFT JOIN articles a USING (article_id)
LEFT JOIN facts f ON f.fact_key = d.fact_key
GROUP BY d.severity, d.status
ORDER BY CASE d.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, d.status;
