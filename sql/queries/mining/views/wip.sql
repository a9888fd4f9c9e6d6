-- Work in progress per activity per day: at the end of day d (UTC), the cases whose previous event
-- happened by then and whose event of the activity comes later: they are queued before it.
-- +1 on the day of the previous event, −1 on the day of the activity, summed over days.
WITH t AS (
  SELECT act, ts, prev_dt
  FROM case_trace
  WHERE log_id = $log_id AND perspective = $perspective AND case_no IN __SELECTED_CASES__
    AND prev_act IS NOT NULL
),
delta AS (
  SELECT act, day, sum(n) AS n FROM (
    SELECT act, (ts - to_microseconds((prev_dt * 1e6)::BIGINT))::DATE AS day, 1 AS n FROM t
    UNION ALL
    SELECT act, ts::DATE, -1 FROM t
  ) GROUP BY act, day
),
running AS (
  SELECT act, day, sum(n) OVER (PARTITION BY act ORDER BY day) AS wip FROM delta
)
SELECT a.activity, strftime(r.day, '%Y-%m-%d') AS day, r.wip::BIGINT AS wip
FROM running r JOIN log_activities a ON a.log_id = $log_id AND a.act = r.act
WHERE r.day >= $from::DATE AND r.day < $to::DATE
ORDER BY a.activity, r.day
