-- Every log in the store (registered in logs, or only seen in events) with its event and case
-- counts and time range. Cases are those of the log's main perspective (order, else case, else
-- the first object type built), from the case view (0 until it is built).
WITH ids AS (SELECT log_id FROM logs UNION SELECT DISTINCT log_id FROM events),
ev AS (SELECT log_id, count(*) AS events, min(ts) AS first_ts, max(ts) AS last_ts FROM events GROUP BY log_id),
per AS (SELECT log_id, perspective, count(*) AS n FROM cases GROUP BY ALL),
cs AS (
  SELECT log_id, arg_min(n, CASE perspective WHEN 'order' THEN '0' WHEN 'case' THEN '1' ELSE '2' || perspective END) AS cases
  FROM per GROUP BY log_id
)
SELECT ids.log_id, coalesce(l.name, ids.log_id) AS name, coalesce(l.kind, 'o2c') AS kind,
       coalesce(ev.events, 0)::BIGINT AS events, coalesce(cs.cases, 0)::BIGINT AS cases,
       strftime(ev.first_ts, '%Y-%m-%dT%H:%M:%SZ') AS first_event,
       strftime(ev.last_ts, '%Y-%m-%dT%H:%M:%SZ') AS last_event
FROM ids
LEFT JOIN logs l ON l.log_id = ids.log_id
LEFT JOIN ev ON ev.log_id = ids.log_id
LEFT JOIN cs ON cs.log_id = ids.log_id
ORDER BY ids.log_id
