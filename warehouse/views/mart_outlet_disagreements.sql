-- Cookbook: which outlets disagree most? Pairs of outlets on different sides of an open discrepancy.
CREATE OR REPLACE VIEW mart_outlet_disagreements AS
WITH sided AS (
    SELECT m.discrepancy_id, m.side, coalesce(a.outlet, '(unknown outlet)') AS outlet, d.severity, f.label
    FROM discrepancy_members m
    JOIN discrepancies d USING (discrepancy_id)
    JOIN articles a USING (article_id)
    LEFT JOIN facts f ON f.fact_key = d.fact_key
    WHERE d.status = 'open'
)
SELECT x.outlet AS outlet_a, y.outlet AS outlet_b,
       count(DISTINCT x.discrepancy_id) AS discrepancies,
       count(DISTINCT x.discrepancy_id) FILTER (WHERE x.severity = 'high') AS high,
       string_agg(DISTINCT x.label, '; ' ORDER BY x.label) AS facts
FROM sided x JOIN sided y
  ON x.discrepancy_id = y.discrepancy_id AND x.side <> y.side AND x.outlet < y.outlet
GROUP BY ALL
ORDER BY discrepancies DESC, high DESC, outlet_a, outlet_b;
