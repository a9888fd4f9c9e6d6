-- KPI library, creditBlockReleaseHours: median hours from Set Credit Block to the Release Credit
-- Block that follows it, over the blocks released in each period, per group, selected cases.
-- Rows: kpi, i, g, value, n (blocks).
WITH p AS (
  SELECT i, "from"::TIMESTAMP AS t0, "to"::TIMESTAMP AS t1
  FROM (SELECT unnest(from_json($periods, '[{"i":"INTEGER","from":"VARCHAR","to":"VARCHAR"}]'), recursive := true))
),
ev AS (
  SELECT t.case_no, t.seq, t.activity, t.ts
  FROM case_trace t
  WHERE t.log_id = $log_id AND t.perspective = 'order' AND t.activity IN ('Set Credit Block', 'Release Credit Block')
    AND t.case_no IN __SELECTED_CASES__
),
blocks AS (
  SELECT case_no, ts AS set_ts, next_ts AS release_ts
  FROM (SELECT case_no, activity, ts,
               lead(activity) OVER (PARTITION BY case_no ORDER BY seq) AS next_activity,
               lead(ts) OVER (PARTITION BY case_no ORDER BY seq) AS next_ts
        FROM ev)
  WHERE activity = 'Set Credit Block' AND next_activity = 'Release Credit Block'
)
SELECT 'creditBlockReleaseHours' AS kpi, p.i, {{group}} AS g,
       median((epoch(b.release_ts) - epoch(b.set_ts)) / 3600.0) AS value, count(*)::INTEGER AS n
FROM p
JOIN blocks b ON b.release_ts >= p.t0 AND b.release_ts < p.t1
JOIN cases c ON c.log_id = $log_id AND c.perspective = 'order' AND c.case_no = b.case_no
GROUP BY ALL
