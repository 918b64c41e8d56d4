-- Figures a later report raised ("the toll rose to 18"): updates, not contradictions.
CREATE OR REPLACE VIEW mart_fact_updates AS
SELECT u.fact_key, f.label, u.earlier_side, u.earlier_published, u.later_side, u.later_published, u.explanation
FROM fact_updates u JOIN facts f USING (fact_key)
ORDER BY u.later_published DESC NULLS LAST, u.fact_key;
