-- The directly-follows graph of the selected cases with the traces projected onto the activities
-- in $activities (JSON list of names): the map below 100 % activities. Same columns and figures as
-- dfg-prepared.sql; the gap of an edge is the time between its two kept events.
-- No window over the whole trace: a kept event whose previous event is also kept (or that opens
-- the case) is a prepared edge (prev_act, act, prev_dt, first_edge). Only a kept event right after
-- a run of hidden events is bridged: its source is the kept event before the run, which the run's
-- first hidden event names (prev_act) and dates (its ts minus prev_dt gives that event's epoch
-- exactly: both epochs are of one magnitude, so the subtractions are exact). An ASOF join finds
-- each bridged event's run among the few hidden rows. Cases per edge: the prepared first
-- occurrences, plus the cases that have the edge only bridged. Last kept → '__end__' as in
-- dfg-prepared.sql (incoming minus outgoing per activity); cases with no kept event have no edge.
WITH kept AS (
  SELECT act FROM log_activities
  WHERE log_id = $log_id AND activity IN (SELECT unnest(from_json($activities, '["VARCHAR"]')))
),
-- Every activity code of the log with whether it is kept: a join with a few rows, cheaper per
-- trace row than an IN over the kept codes.
flags AS (
  SELECT a.act, a.act IN (SELECT act FROM kept) AS k FROM log_activities a WHERE a.log_id = $log_id
),
t AS NOT MATERIALIZED (
  SELECT tr.case_no, tr.seq, tr.act, tr.prev_act, tr.prev_dt, tr.ts, tr.first_edge, f.k, coalesce(pf.k, true) AS pk
  FROM case_trace tr
  JOIN flags f ON f.act = tr.act
  LEFT JOIN flags pf ON pf.act = tr.prev_act
  WHERE tr.log_id = $log_id AND tr.perspective = $perspective AND tr.case_no IN __SELECTED_CASES__
),
-- Hidden events, and kept events right after one.
around AS MATERIALIZED (
  SELECT case_no, seq, k, pk, act, epoch(ts) AS at_s, coalesce(prev_act, 0) AS anchor, epoch(ts) - prev_dt AS anchor_s
  FROM t WHERE NOT k OR NOT pk
),
runs AS (SELECT case_no, seq, anchor, anchor_s FROM around WHERE NOT k AND pk),
bridged AS MATERIALIZED (
  SELECT b.case_no, r.anchor AS src, b.act AS tgt, CASE WHEN $performance THEN b.at_s - r.anchor_s END AS secs
  FROM (SELECT case_no, seq, act, at_s FROM around WHERE k) b
  ASOF JOIN runs r ON r.case_no = b.case_no AND r.seq < b.seq
),
agg AS MATERIALIZED (
  SELECT src, tgt, count(*)::BIGINT AS count, count_if(first_edge)::BIGINT AS cases,
         quantile_cont(secs, [0.5, 0.9]) AS q, avg(secs) AS mean_seconds, sum(secs) AS total_seconds,
         min(secs) AS min_seconds, max(secs) AS max_seconds
  FROM (
    SELECT coalesce(prev_act, 0) AS src, act AS tgt, CASE WHEN $performance THEN prev_dt END AS secs, first_edge
    FROM t WHERE k AND pk
    UNION ALL
    SELECT src, tgt, secs, false FROM bridged
  )
  GROUP BY src, tgt
),
-- Cases with a bridged edge that they do not also have directly (a case has one start, so start
-- edges cannot be both): the bridged (case, edge) pairs joined on integers to the cases' first
-- direct occurrences.
bx AS MATERIALIZED (SELECT DISTINCT case_no, src, tgt FROM bridged),
also_direct AS (
  SELECT bx.src, bx.tgt, count(*) AS n
  FROM bx JOIN case_trace d ON d.case_no = bx.case_no AND d.prev_act = bx.src AND d.act = bx.tgt
  WHERE d.log_id = $log_id AND d.perspective = $perspective AND d.first_edge AND bx.src <> 0
  GROUP BY bx.src, bx.tgt
),
bridged_only AS (
  SELECT x.src, x.tgt, (x.n - coalesce(d.n, 0))::BIGINT AS n
  FROM (SELECT src, tgt, count(*) AS n FROM bx GROUP BY src, tgt) x
  LEFT JOIN also_direct d ON d.src = x.src AND d.tgt = x.tgt
),
ends AS (
  SELECT act AS src, -1 AS tgt, (sum(n_in) - sum(n_out))::BIGINT AS count
  FROM (SELECT tgt AS act, count AS n_in, 0 AS n_out FROM agg
        UNION ALL
        SELECT src, 0, count FROM agg WHERE src <> 0)
  GROUP BY act
  HAVING sum(n_in) > sum(n_out)
),
edges AS (
  SELECT a.src, a.tgt, a.count, a.cases + coalesce(o.n, 0) AS cases, q[1] AS median_seconds, mean_seconds,
         q[2] AS p90_seconds, total_seconds, min_seconds, max_seconds
  FROM agg a LEFT JOIN bridged_only o ON o.src = a.src AND o.tgt = a.tgt
  UNION ALL
  SELECT src, tgt, count, count, NULL, NULL, NULL, NULL, NULL, NULL FROM ends
)
SELECT CASE e.src WHEN 0 THEN '__start__' ELSE s.activity END AS source,
       CASE e.tgt WHEN -1 THEN '__end__' ELSE d.activity END AS target,
       count, cases, median_seconds, mean_seconds, p90_seconds, total_seconds, min_seconds, max_seconds
FROM edges e
LEFT JOIN log_activities s ON s.log_id = $log_id AND s.act = e.src
LEFT JOIN log_activities d ON d.log_id = $log_id AND d.act = e.tgt
ORDER BY count DESC, source, target
