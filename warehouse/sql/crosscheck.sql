-- Cross-check of linked claims, run by warehouse/crosscheck.py inside the caller's transaction.
-- Input: temp table _cc_keys(fact_key), the facts to recompute. Parameter: $run_id.
-- Statements are separated by "-- name:" lines; each runs as one set-based query.

-- name: claims
-- Every claim of the touched facts with the interval [lo, hi] it asserts in its base unit
-- and its side label: both computed once with the claim (tasks/claims/values.py). An open
-- end (NULL: "more than", "up to") is infinite here.
CREATE OR REPLACE TEMP TABLE _cc_claims AS
SELECT c.claim_id, c.article_id, c.fact_key, c.kind, c.hedge, c.date_precision, c.unit, c.sentence,
       c.event.triggers AS triggers, c.measure, coalesce(c.is_update, false) AS is_update, c.quote_id,
       c.value_label AS side,
       coalesce(c.value_lo, -1e308) AS lo,
       coalesce(c.value_hi, 1e308) AS hi,
       c.value_base AS base
FROM claims c
WHERE c.fact_key IN (SELECT fact_key FROM _cc_keys);

-- name: sides
-- The distinct values asserted per fact, with the articles asserting each.
CREATE OR REPLACE TEMP TABLE _cc_sides AS
SELECT c.fact_key, c.side, any_value(c.kind) AS kind, min(c.lo) AS lo, max(c.hi) AS hi, any_value(c.base) AS base,
       any_value(c.date_precision) AS date_precision, bool_or(c.hedge <> 'exact') AS hedged,
       bool_or(c.is_update) AS told_as_update,
       count(DISTINCT c.article_id) AS n_articles, min(c.article_id) AS one_article,
       list(DISTINCT c.article_id) AS articles,
       -- NULL when any asserting article is undated
       CASE WHEN count(a.published_date) = count(*) THEN min(a.published_date) END AS first_published,
       CASE WHEN count(a.published_date) = count(*) THEN max(a.published_date) END AS last_published
FROM _cc_claims c
LEFT JOIN articles a USING (article_id)
GROUP BY c.fact_key, c.side;

-- name: pairs
-- Pairs of values that cannot both be true, asserted by different articles. An article
-- stating both values means they are two facts the linker joined (a forecast and its
-- revision, two products): never a pair. `is_update`: the larger figure is a later report
-- of a tally that grows (death tolls, days of a blockade, aid delivered), or is told as a
-- change ("rose to") in a report not older than the other: an update, not a contradiction.
CREATE OR REPLACE TEMP TABLE _cc_pairs AS
SELECT a.fact_key, a.side AS side_a, b.side AS side_b,
       CASE
           WHEN a.kind = 'date' AND a.date_precision = b.date_precision THEN 3
           WHEN a.kind = 'date' THEN 2
           WHEN a.hedged OR b.hedged THEN 1
           WHEN abs(a.base - b.base) >= 0.1 * greatest(abs(a.base), abs(b.base)) THEN 3
           ELSE 2
       END AS severity_rank,
       coalesce(a.kind <> 'date' AND (
           (a.base < b.base AND (a.last_published < b.first_published
                                 OR (b.told_as_update AND coalesce(b.first_published >= a.last_published, true))))
        OR (b.base < a.base AND (b.last_published < a.first_published
                                 OR (a.told_as_update AND coalesce(a.first_published >= b.last_published, true))))),
           false) AS is_update
FROM _cc_sides a
JOIN _cc_sides b ON a.fact_key = b.fact_key AND a.side < b.side
WHERE (a.hi < b.lo - 1e-9 * abs(b.lo) OR b.hi < a.lo - 1e-9 * abs(a.lo))
  AND NOT list_has_any(a.articles, b.articles);

-- name: conflicts
CREATE OR REPLACE TEMP TABLE _cc_conflicts AS
SELECT fact_key, side_a, side_b, severity_rank FROM _cc_pairs WHERE NOT is_update;

-- name: disputed
CREATE OR REPLACE TEMP TABLE _cc_disputed AS
WITH sides AS (
    SELECT fact_key, side_a AS side FROM _cc_conflicts
    UNION SELECT fact_key, side_b FROM _cc_conflicts
),
severity AS (SELECT fact_key, max(severity_rank) AS severity_rank FROM _cc_conflicts GROUP BY fact_key)
SELECT s.fact_key,
       substr(md5(s.fact_key || '|' || string_agg(s.side, '|' ORDER BY s.side)), 1, 16) AS discrepancy_id,
       list(s.side ORDER BY s.side) AS sides,
       any_value(v.severity_rank) AS severity_rank
FROM sides s
JOIN severity v USING (fact_key)
GROUP BY s.fact_key;

-- name: remember
-- What the discrepancies being replaced were: a discrepancy that still exists keeps its
-- first_seen_run and status (a reviewer may have resolved it).
CREATE OR REPLACE TEMP TABLE _cc_old AS
SELECT discrepancy_id, status, first_seen_run
FROM discrepancies
WHERE fact_key IN (SELECT fact_key FROM _cc_keys);

-- name: clear_members
DELETE FROM discrepancy_members
WHERE discrepancy_id IN (SELECT discrepancy_id FROM discrepancies WHERE fact_key IN (SELECT fact_key FROM _cc_keys));

-- name: clear_discrepancies
DELETE FROM discrepancies WHERE fact_key IN (SELECT fact_key FROM _cc_keys);

-- name: clear_facts
DELETE FROM facts WHERE fact_key IN (SELECT fact_key FROM _cc_keys);

-- name: insert_facts
-- The label in plain words: what was counted and what happened to it ("people killed"),
-- or the event words around the value; the places of the event the articles report; the
-- values stated.
INSERT INTO facts (fact_key, kind, label, status, n_articles, n_claims)
WITH top_words AS (
    -- the claims' most frequent event words, ties broken by the words themselves: mode()
    -- picks among ties by row order, which differs between a Dask run and a one-process one
    SELECT fact_key, words FROM (
        SELECT fact_key, array_to_string(triggers, ' ') AS words,
               row_number() OVER (PARTITION BY fact_key
                                  ORDER BY count(*) DESC, array_to_string(triggers, ' ')) AS rank
        FROM _cc_claims
        GROUP BY fact_key, triggers
    ) WHERE rank = 1
),
about AS (
    SELECT c.fact_key, mode(c.kind) AS kind, min(c.measure) AS measure, min(c.unit) AS unit,
           nullif(min(w.words), '') AS words,
           string_agg(DISTINCT c.side, ', ' ORDER BY c.side) AS sides,
           count(DISTINCT c.article_id) AS n_articles, count(*) AS n_claims,
           -- the event is named only when every claim's article reports that one event
           CASE WHEN min(ae.event_id) = max(ae.event_id) AND count(ae.event_id) = count(*) THEN min(ae.event_id) END AS event_id
    FROM _cc_claims c
    LEFT JOIN article_events ae USING (article_id)
    LEFT JOIN top_words w ON w.fact_key = c.fact_key
    GROUP BY c.fact_key
)
SELECT b.fact_key, b.kind,
       CASE WHEN b.measure IS NOT NULL AND b.kind = 'count' THEN b.unit || ' ' || replace(b.measure, '_', ' ')
            WHEN b.measure IS NOT NULL THEN replace(b.measure, '_', ' ') || ' (' || b.unit || ')'
            ELSE b.kind || ': ' || coalesce(b.words, 'unlabelled') END
       || CASE WHEN len(e.places) > 0
               THEN ' (event: ' || array_to_string(e.places[1:3], ', ')
                    || coalesce('; first reported ' || strftime(e.first_published, '%Y-%m-%d'), '') || ')'
               ELSE '' END
       || ' (' || b.sides || ')',
       CASE WHEN d.fact_key IS NOT NULL THEN 'disputed'
            WHEN b.n_articles >= 2 THEN 'corroborated'
            ELSE 'single' END,
       b.n_articles, b.n_claims
FROM about b
LEFT JOIN events e ON e.event_id = b.event_id AND e.n_articles > 1
LEFT JOIN _cc_disputed d USING (fact_key);

-- name: clear_updates
DELETE FROM fact_updates WHERE fact_key IN (SELECT fact_key FROM _cc_keys);

-- name: insert_updates
INSERT INTO fact_updates (fact_key, earlier_side, later_side, earlier_published, later_published, explanation)
WITH outlets AS (
    SELECT c.fact_key, c.side, string_agg(DISTINCT coalesce(a.outlet, c.article_id), ', ') AS outlets
    FROM _cc_claims c
    LEFT JOIN articles a USING (article_id)
    WHERE c.fact_key IN (SELECT fact_key FROM _cc_pairs WHERE is_update)
    GROUP BY c.fact_key, c.side
),
u AS (
    SELECT p.fact_key,
           CASE WHEN a.base <= b.base THEN a.side ELSE b.side END AS lo_side,
           CASE WHEN a.base <= b.base THEN a.first_published ELSE b.first_published END AS lo_published,
           CASE WHEN a.base <= b.base THEN b.side ELSE a.side END AS hi_side,
           CASE WHEN a.base <= b.base THEN b.first_published ELSE a.first_published END AS hi_published
    FROM _cc_pairs p
    JOIN _cc_sides a ON a.fact_key = p.fact_key AND a.side = p.side_a
    JOIN _cc_sides b ON b.fact_key = p.fact_key AND b.side = p.side_b
    WHERE p.is_update
)
SELECT u.fact_key, u.lo_side, u.hi_side, u.lo_published, u.hi_published,
       f.label || ': ' || u.lo_side || ' (' || lo.outlets || ', ' || coalesce(strftime(u.lo_published, '%Y-%m-%d'), 'undated')
       || ') was updated to ' || u.hi_side || ' (' || hi.outlets || ', '
       || coalesce(strftime(u.hi_published, '%Y-%m-%d'), 'undated') || '): a later figure, not a contradiction.'
FROM u
JOIN facts f USING (fact_key)
JOIN outlets lo ON lo.fact_key = u.fact_key AND lo.side = u.lo_side
JOIN outlets hi ON hi.fact_key = u.fact_key AND hi.side = u.hi_side;

-- name: insert_members
INSERT INTO discrepancy_members (discrepancy_id, claim_id, article_id, side)
SELECT d.discrepancy_id, c.claim_id, c.article_id, c.side
FROM _cc_disputed d
JOIN _cc_claims c ON c.fact_key = d.fact_key AND list_contains(d.sides, c.side);

-- name: insert_discrepancies
-- The explanation names each article (id, title, outlet) and quotes its sentence, at most
-- three per side so a fact reported by thousands of articles stays readable.
INSERT INTO discrepancies (discrepancy_id, fact_key, kind, severity, status, explanation, first_seen_run)
WITH member_sentences AS (
    -- One sentence per article and side: an article that states the value twice is named once.
    -- `speaker`: whose words the claim is in (the quoted speaker; NULL: the outlet's narration)
    SELECT m.discrepancy_id, m.side, m.article_id, c.sentence, q.speaker_name AS speaker, a.title, a.outlet,
           a.published_date,
           row_number() OVER (PARTITION BY m.discrepancy_id, m.side, m.article_id ORDER BY m.claim_id) AS per_article
    FROM discrepancy_members m
    JOIN _cc_disputed d USING (discrepancy_id)
    JOIN _cc_claims c USING (claim_id)
    LEFT JOIN quotes q ON q.quote_id = c.quote_id
    LEFT JOIN articles a ON a.article_id = m.article_id
),
evidence AS (
    SELECT *, row_number() OVER (PARTITION BY discrepancy_id, side ORDER BY article_id) AS rn
    FROM member_sentences
    WHERE per_article = 1
),
per_side AS (
    -- "12 people: Coast Gazette (2024-03-13, "Bomb at Karvel market"; article a1), quoting
    -- the police chief: "..."" -- which outlet says what, when, and in whose words.
    SELECT discrepancy_id, side,
           side || ': ' || string_agg(
               coalesce(outlet, article_id)
               || ' (' || coalesce(strftime(published_date, '%Y-%m-%d'), 'undated')
               || coalesce(', "' || title || '"', '') || '; article ' || article_id || ')'
               || CASE WHEN speaker IS NOT NULL THEN ', quoting ' || speaker ELSE ', in its own words' END
               || ': "' || CASE WHEN length(sentence) > 240 THEN left(sentence, 237) || '...' ELSE sentence END || '"',
               '; ' ORDER BY article_id) AS text
    FROM evidence
    WHERE rn <= 3
    GROUP BY discrepancy_id, side
),
per_discrepancy AS (
    SELECT discrepancy_id, string_agg(text, ' | ' ORDER BY side) AS text FROM per_side GROUP BY discrepancy_id
)
SELECT d.discrepancy_id, d.fact_key, f.kind,
       CASE d.severity_rank WHEN 3 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END,
       coalesce(o.status, 'open'),
       'Articles disagree on ' || f.label || '. ' || p.text,
       coalesce(o.first_seen_run, $run_id)
FROM _cc_disputed d
JOIN facts f USING (fact_key)
JOIN per_discrepancy p USING (discrepancy_id)
LEFT JOIN _cc_old o USING (discrepancy_id);

-- name: summary
SELECT (SELECT count(*) FROM facts WHERE fact_key IN (SELECT fact_key FROM _cc_keys)) AS facts,
       (SELECT count(*) FROM facts WHERE fact_key IN (SELECT fact_key FROM _cc_keys) AND status = 'corroborated') AS corroborated,
       (SELECT count(*) FROM facts WHERE fact_key IN (SELECT fact_key FROM _cc_keys) AND status = 'disputed') AS disputed,
       (SELECT count(*) FROM _cc_disputed) AS discrepancies,
       (SELECT count(*) FROM _cc_disputed WHERE discrepancy_id NOT IN (SELECT discrepancy_id FROM _cc_old)) AS discrepancies_new;

-- name: cleanup
DROP TABLE IF EXISTS _cc_claims;
DROP TABLE IF EXISTS _cc_sides;
DROP TABLE IF EXISTS _cc_conflicts;
DROP TABLE IF EXISTS _cc_pairs;
DROP TABLE IF EXISTS _cc_disputed;
DROP TABLE IF EXISTS _cc_old;
